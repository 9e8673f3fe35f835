// Debian -> RPM spelling: a package model read from debian/control (or debian.control, a .dsc)
// with its relationship fields in RPM's namespace spelling, as a spec would carry them.
#pragma once

#include "ir/package.hpp"

namespace katalint::backends::ubuntu {

// Returns `debian` with every dependency name mapped through rpm_name_for() (pkgconfig(x),
// perl(X::Y), golang(path), curated names), Debian-only atoms (debhelper-compat, dh-*,
// ${substvars}) removed, `<<`/`>>` written `<`/`>`, Depends as Requires, Pre-Depends as
// Requires(pre), Breaks as Conflicts, and Architecture (all -> noarch, a list ->
// ExclusiveArch) in RPM's names. Alternatives (`a | b`) keep their first atom.
ir::Package to_rpm_spelling(const ir::Package& debian);

}  // namespace katalint::backends::ubuntu
