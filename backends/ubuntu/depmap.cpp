#include "backends/ubuntu/depmap.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace katalint::backends::ubuntu {
namespace {

constexpr std::array kReleases = {
    Release{"noble", 22, 13},  // Ubuntu 24.04
    Release{"jammy", 18, 13},  // Ubuntu 22.04
    Release{"focal", 13, 12},  // Ubuntu 20.04: no debhelper 13
};

// Names whose Debian spelling no rule finds, in the order the reverse direction prefers
// (the first RPM name of a Debian package wins). An empty Debian name drops the dependency.
struct Curated {
  std::string_view rpm;
  std::string_view debian;
  std::string_view why;  // for drops
};
constexpr std::string_view kBuildEssential = "build-essential (Policy 4.2)";
constexpr std::string_view kEssential = "an Essential package";
constexpr std::string_view kRpmOnly = "rpm build machinery";
constexpr Curated kCurated[] = {
    {"gcc", "", kBuildEssential},
    {"gcc-c++", "", kBuildEssential},
    {"make", "", kBuildEssential},
    {"glibc-devel", "", kBuildEssential},
    {"kernel-headers", "", kBuildEssential},
    {"patch", "", kBuildEssential},
    {"coreutils", "", kEssential},
    {"findutils", "", kEssential},
    {"bash", "", kEssential},
    {"sed", "", kEssential},
    {"grep", "", kEssential},
    {"tar", "", kEssential},
    {"gzip", "", kEssential},
    {"diffutils", "", kEssential},
    {"util-linux", "", kEssential},
    {"hostname", "", kEssential},
    {"awk", "", "every system has one (mawk is Priority: required)"},
    {"fdupes", "", kRpmOnly},
    {"rpm-build", "", kRpmOnly},
    {"perl-generators", "", kRpmOnly},
    {"systemd-rpm-macros", "", "debhelper's dh_installsystemd does its work"},
    {"openSUSE-release", "", kRpmOnly},
    {"fedora-release", "", kRpmOnly},
    {"redhat-rpm-config", "", kRpmOnly},
    {"go-rpm-macros", "dh-golang", {}},
    {"golang-packaging", "dh-golang", {}},
    {"pkgconfig", "pkg-config", {}},
    {"pkg-config", "pkg-config", {}},
    {"pkgconf-pkg-config", "pkg-config", {}},
    {"ninja", "ninja-build", {}},
    {"python3", "python3", {}},
    {"python", "python3", {}},
    {"python3-devel", "python3-dev", {}},
    {"python-devel", "python3-dev", {}},
    {"xz", "xz-utils", {}},
    {"zlib-devel", "zlib1g-dev", {}},
    {"glib2-devel", "libglib2.0-dev", {}},
    {"openssl-devel", "libssl-dev", {}},
    {"libopenssl-devel", "libssl-dev", {}},
    {"libcap-devel", "libcap-dev", {}},
    {"libcap-ng-devel", "libcap-ng-dev", {}},
    {"libattr-devel", "libattr1-dev", {}},
    {"numactl-devel", "libnuma-dev", {}},
    {"libnuma-devel", "libnuma-dev", {}},
    {"librbd-devel", "librbd-dev", {}},
    {"librbd1-devel", "librbd-dev", {}},
    {"libtool-ltdl-devel", "libltdl-dev", {}},
    {"elfutils-devel", "libdw-dev", {}},
    {"libelf-devel", "libelf-dev", {}},
    {"elfutils-libelf-devel", "libelf-dev", {}},
    {"binutils-devel", "binutils-dev", {}},
    {"libpmem-devel", "libpmem-dev", {}},
    {"libseccomp-devel", "libseccomp-dev", {}},
    {"libselinux-devel", "libselinux1-dev", {}},
    {"ncurses-devel", "libncurses-dev", {}},
    {"readline-devel", "libreadline-dev", {}},
    {"libuuid-devel", "uuid-dev", {}},
    {"libaio-devel", "libaio-dev", {}},
    {"pixman-devel", "libpixman-1-dev", {}},
    {"sqlite-devel", "libsqlite3-dev", {}},
    {"gtk2-devel", "libgtk2.0-dev", {}},
};

// Plain names Debian spells the same way.
constexpr std::string_view kSameName[] = {
    "autoconf", "automake", "bc",     "bison",   "bzip2",  "cmake", "cpio",     "curl",
    "flex",     "gettext",  "git",    "help2man", "libtool", "m4",   "meson",    "openssl",
    "perl",     "pkgconf",  "rsync",  "systemd", "texinfo", "unzip", "wget",     "zip",
};

// Go toolchains: openSUSE golang(API) and go1.NN, Fedora golang and golang-bin, plain go.
bool is_go_toolchain(std::string_view name) {
  if (name == "go" || name == "golang" || name == "golang(API)" || name == "golang-bin") return true;
  return name.size() > 4 && name.substr(0, 4) == "go1." &&
         std::all_of(name.begin() + 4, name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One table of data/debian-maps: key -> package, parsed on first use.
class Table {
 public:
  explicit Table(std::string_view name) : name_(name) {}

  std::optional<std::string_view> find(std::string_view key) {
    load();
    auto it = forward_.find(key);
    if (it == forward_.end()) return std::nullopt;
    return it->second;
  }
  bool has_package(std::string_view package) {
    load();
    return packages_.count(package) != 0;
  }
  // Every key whose package is `package`.
  std::vector<std::string_view> keys_of(std::string_view package) {
    load();
    std::vector<std::string_view> keys;
    auto [first, last] = reverse_.equal_range(package);
    for (auto it = first; it != last; ++it) keys.push_back(it->second);
    std::sort(keys.begin(), keys.end());
    return keys;
  }

 private:
  void load() {
    std::call_once(once_, [this] {
      for (std::string_view piece : embedded_debian_map(name_)) text_.append(piece);
      std::string_view rest = text_;
      while (!rest.empty()) {
        const std::size_t eol = rest.find('\n');
        std::string_view line = rest.substr(0, eol);
        rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
        if (line.empty() || line.front() == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        const std::string_view key = line.substr(0, tab), package = line.substr(tab + 1);
        forward_.emplace(key, package);
        reverse_.emplace(package, key);
        packages_.insert(package);
      }
    });
  }

  std::string_view name_;
  std::once_flag once_;
  std::string text_;
  std::unordered_map<std::string_view, std::string_view> forward_;
  std::unordered_multimap<std::string_view, std::string_view> reverse_;
  std::unordered_set<std::string_view> packages_;
};

Table& table(std::string_view name) {
  static Table pkgconfig("pkgconfig"), cmake("cmake"), perl("perl"), golang("golang");
  if (name == "pkgconfig") return pkgconfig;
  if (name == "cmake") return cmake;
  if (name == "perl") return perl;
  return golang;
}

std::string perl_package_name(std::string_view module) {
  std::string out = "lib";
  for (std::size_t i = 0; i < module.size(); ++i) {
    if (module.substr(i, 2) == "::") {
      out += '-';
      ++i;
    } else {
      out += module[i] == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(module[i])));
    }
  }
  return out + "-perl";
}

std::string go_package_name(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kHosts[] = {
      {"github.com", "github"}, {"gitlab.com", "gitlab"}, {"golang.org", "golang"},
      {"google.golang.org", "google"}, {"gopkg.in", "gopkg"}, {"bitbucket.org", "bitbucket"}};
  const std::size_t slash = path.find('/');
  std::string_view host = path.substr(0, slash);
  for (const auto& [from, to] : kHosts)
    if (host == from) host = to;
  std::string out = "golang-" + std::string(host);
  if (slash != std::string_view::npos) out += "-" + std::string(path.substr(slash + 1));
  for (char& c : out) c = c == '/' || c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out + "-dev";
}

// The lookup the generator compacted the perl and golang tables for: the key, else the Debian
// naming convention, else the same for the nearest parent.
template <typename Derive>
std::optional<std::string> walk(Table& t, std::string_view key, std::string_view separator, Derive derive) {
  while (true) {
    if (auto hit = t.find(key)) return std::string(*hit);
    const std::string derived = derive(key);
    if (t.has_package(derived)) return derived;
    const std::size_t cut = key.rfind(separator);
    if (cut == std::string_view::npos) return std::nullopt;
    key = key.substr(0, cut);
  }
}

// `ns(inner)` -> inner, for the namespace `ns`.
std::optional<std::string_view> inside(std::string_view name, std::string_view ns) {
  if (name.size() > ns.size() + 2 && name.substr(0, ns.size()) == ns && name[ns.size()] == '(' && name.back() == ')')
    return name.substr(ns.size() + 1, name.size() - ns.size() - 2);
  return std::nullopt;
}

bool known_dev_package(std::string_view name) {
  return table("pkgconfig").has_package(name) || table("cmake").has_package(name);
}

bool valid_debian_name(std::string_view name) {
  if (name.size() < 2 || !std::isalnum(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '+' ||
           c == '-' || c == '.';
  });
}

DebianName package(std::string name, std::string why) {
  return {DebianName::Kind::Package, std::move(name), std::move(why)};
}

}  // namespace

const Release* find_release(std::string_view name) {
  for (const auto& r : kReleases)
    if (r.name == name) return &r;
  return nullptr;
}

std::string_view tables_release() { return "debian-12-bookworm-amd64-main"; }

DebianName debian_name_for(std::string_view rpm_name) {
  if (is_go_toolchain(rpm_name)) return {DebianName::Kind::GoToolchain, "golang-go", "the Go toolchain"};
  if (auto pc = inside(rpm_name, "pkgconfig")) {
    if (auto hit = table("pkgconfig").find(*pc)) return package(std::string(*hit), "ships " + std::string(*pc) + ".pc");
  } else if (auto cm = inside(rpm_name, "cmake")) {
    if (auto hit = table("cmake").find(*cm)) return package(std::string(*hit), "ships the CMake package " + std::string(*cm));
  } else if (auto module = inside(rpm_name, "perl")) {
    if (!module->empty() && module->front() == ':') return {DebianName::Kind::Drop, {}, "a perl version, not a module"};
    if (auto hit = walk(table("perl"), *module, "::", perl_package_name)) {
      if (*hit == "perl" || *hit == "perl-base" || hit->rfind("perl-modules-", 0) == 0)
        return {DebianName::Kind::Drop, {}, "a core perl module"};
      return package(*hit, "ships " + std::string(*module));
    }
  } else if (auto path = inside(rpm_name, "golang")) {
    if (auto hit = walk(table("golang"), *path, "/", go_package_name)) return package(*hit, "ships " + std::string(*path));
  } else if (auto dist = inside(rpm_name, "python3dist")) {
    std::string name = "python3-" + lower(*dist);
    std::replace(name.begin(), name.end(), '_', '-');
    return package(name, "the python3- naming rule");
  }
  for (const auto& c : kCurated)
    if (c.rpm == rpm_name) {
      if (c.debian.empty()) return {DebianName::Kind::Drop, {}, std::string(c.why)};
      return package(std::string(c.debian), "curated");
    }
  for (std::string_view same : kSameName)
    if (same == rpm_name) return package(std::string(same), "same name");
  // X-devel -> X-dev or libX-dev, when a table knows that -dev package.
  constexpr std::string_view kDevel = "-devel";
  if (rpm_name.size() > kDevel.size() && rpm_name.substr(rpm_name.size() - kDevel.size()) == kDevel) {
    const std::string stem = lower(rpm_name.substr(0, rpm_name.size() - kDevel.size()));
    for (const std::string& candidate : {stem + "-dev", "lib" + stem + "-dev"})
      if (known_dev_package(candidate)) return package(candidate, "the -devel -> -dev naming rule");
  }
  if (rpm_name.rfind("python3-", 0) == 0) {
    std::string name = lower(rpm_name);
    std::replace(name.begin(), name.end(), '_', '-');
    return package(name, "the python3- naming rule");
  }
  std::string as_debian = lower(rpm_name);
  if (!valid_debian_name(as_debian)) as_debian.clear();
  return {DebianName::Kind::Unmapped, as_debian, {}};
}

std::optional<std::string> rpm_name_for(std::string_view debian_name) {
  if (debian_name.empty() || debian_name.front() == '$') return std::nullopt;
  if (debian_name == "debhelper" || debian_name == "debhelper-compat" || debian_name == "build-essential" ||
      debian_name.rfind("dh-", 0) == 0)
    return std::nullopt;
  if (debian_name == "golang-go" || debian_name == "golang-any" ||
      (debian_name.rfind("golang-1.", 0) == 0 && debian_name.size() > 12 &&
       debian_name.substr(debian_name.size() - 3) == "-go"))
    return std::string("golang");
  if (auto keys = table("pkgconfig").keys_of(debian_name); !keys.empty()) {
    // The .pc named like the package (libglib2.0-dev -> glib-2.0), else the shortest name.
    auto squash = [](std::string_view s) {
      std::string out;
      for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return out;
    };
    std::string stem(debian_name);
    if (stem.size() > 4 && stem.substr(stem.size() - 4) == "-dev") stem.resize(stem.size() - 4);
    const std::string plain = squash(stem), unlibbed = stem.rfind("lib", 0) == 0 ? squash(stem.substr(3)) : plain;
    std::string_view best = keys.front();
    for (std::string_view k : keys)
      if (k.size() < best.size()) best = k;
    for (std::string_view k : keys)
      if (squash(k) == plain || squash(k) == unlibbed) {
        best = k;
        break;
      }
    return "pkgconfig(" + std::string(best) + ")";
  }
  auto shortest = [](std::vector<std::string_view> keys) {
    return *std::min_element(keys.begin(), keys.end(), [](std::string_view a, std::string_view b) {
      return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
  };
  if (auto keys = table("cmake").keys_of(debian_name); !keys.empty()) return "cmake(" + std::string(shortest(keys)) + ")";
  if (auto keys = table("perl").keys_of(debian_name); !keys.empty()) return "perl(" + std::string(shortest(keys)) + ")";
  if (auto keys = table("golang").keys_of(debian_name); !keys.empty())
    return "golang(" + std::string(shortest(keys)) + ")";
  for (const auto& c : kCurated)
    if (!c.debian.empty() && c.debian == debian_name) return std::string(c.rpm);
  return std::string(debian_name);
}

}  // namespace katalint::backends::ubuntu
