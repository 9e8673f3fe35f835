// The one place that names the Catch2 header, so moving to Catch2 v3 changes one file.
#pragma once
#include <catch2/catch.hpp>
