// Dependency names between RPM's namespace spelling (pkgconfig(x), perl(X::Y), golang(path),
// cmake(X), plain names) and Debian package names, through the tables in data/debian-maps
// (scripts/gen-debian-maps.py; generated from Debian's file index, see data/README.md) and
// a short curated list. The tables are embedded and parsed on first use only.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace katalint::backends::ubuntu {

// What a target release offers that the output depends on.
struct Release {
  std::string_view name;       // "noble"
  int go_minor = 0;            // the release's default Go is 1.<go_minor> (golang-go)
  int debhelper_compat = 13;   // highest debhelper-compat level the release has
};

// The known Ubuntu releases; nullptr for another name.
const Release* find_release(std::string_view name);
// The release the tables were generated from (data/debian-maps/*.tsv headers).
std::string_view tables_release();

struct DebianName {
  enum class Kind {
    Package,      // `name` is the Debian package
    Drop,         // nothing to depend on in Debian (build-essential, rpm-only helpers); `why` says
    GoToolchain,  // the Go compiler: the backend picks golang-go or golang-1.NN-go
    Unmapped,     // no Debian name is known; `name` is the RPM name as a Debian name would be spelled
  };
  Kind kind = Kind::Unmapped;
  std::string name;
  std::string why;  // for Drop: the reason; for Package: how it was found
};

// The Debian package for an RPM capability name (no version).
DebianName debian_name_for(std::string_view rpm_name);

// The RPM spelling of a Debian package name (pkgconfig(x) for a -dev package that ships x.pc,
// perl(X::Y), golang(path), cmake(X), a curated name, else the name itself); nullopt for
// Debian-only build machinery (debhelper-compat, dh-*, ${substvars}).
std::optional<std::string> rpm_name_for(std::string_view debian_name);

// The embedded text of data/debian-maps/NAME.tsv, in pieces; empty for an unknown NAME.
std::span<const std::string_view> embedded_debian_map(std::string_view name);

}  // namespace katalint::backends::ubuntu
