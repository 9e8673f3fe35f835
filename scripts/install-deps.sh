#!/bin/sh
# Installs what katalint needs to build and test: the toolchain, the libraries
# (found by CMake with find_package) and the external validators the tests compare against.
# Usage: scripts/install-deps.sh        (as root, or with sudo available)
set -eu

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if command -v apt-get >/dev/null 2>&1; then
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    cmake ninja-build g++ clang \
    tao-pegtl-dev libfmt-dev libcli11-dev nlohmann-json3-dev catch2 libtomlplusplus-dev \
    rpm rpmlint dpkg-dev lintian devscripts python3 python3-debian hyperfine \
    libclang-rt-dev time strace
elif command -v dnf >/dev/null 2>&1; then
  as_root dnf install -y \
    cmake ninja-build gcc-c++ clang \
    pegtl-devel fmt-devel cli11-devel json-devel catch2-devel tomlplusplus-devel \
    rpm-build rpmlint dpkg-dev lintian devscripts python3 python3-debian hyperfine \
    compiler-rt time strace
elif command -v zypper >/dev/null 2>&1; then
  as_root zypper --non-interactive install \
    cmake ninja gcc-c++ clang \
    pegtl-devel fmt-devel cli11-devel nlohmann_json-devel Catch2-2-devel tomlplusplus-devel \
    rpm-build rpmlint dpkg lintian python3 python3-python-debian hyperfine \
    time strace
else
  echo "install-deps: no apt-get, dnf or zypper found; install the packages listed in README.md" >&2
  exit 2
fi
