// prebuilt-binary: a SourceN or PatchN that names a prebuilt artefact.
#include <fmt/core.h>

#include <array>
#include <optional>

#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

// File name endings of prebuilt artefacts (disk images, installers, binary packages).
constexpr std::array<std::string_view, 15> kSuffixes = {
    ".img", ".img.gz", ".img.xz", ".initrd", ".qcow2", ".iso", ".vmdk", ".exe",
    ".dll", ".jar", ".deb", ".rpm", ".AppImage", ".whl", ".vmlinuz"};

// Names of binary distributions: tool-1.0-linux-amd64.tar.gz, tool-1.0-bin.tar.xz.
constexpr std::array<std::string_view, 6> kInfixes = {"-linux-amd64.tar.", "-linux-x86_64.tar.", "-linux-arm64.tar.",
                                                      "-linux-aarch64.tar.", "-bin.tar.", "_linux_amd64.tar."};

bool is_wheel_noarch(std::string_view name) { return ends_with(name, "-none-any.whl"); }

// Image files a spec installs: `*.img`, `kata.initrd`, ... (the suffix ends a word).
constexpr std::array<std::string_view, 4> kImageSuffixes = {".img", ".initrd", ".qcow2", ".vmlinuz"};
constexpr std::array<std::string_view, 7> kArchiveSuffixes = {".tar.gz", ".tgz", ".tar.xz", ".tar.bz2",
                                                              ".tar.zst", ".tar", ".zip"};

// The image file name in a build-script line, or "".
std::string_view image_word(std::string_view t) {
  for (const std::string_view s : kImageSuffixes) {
    for (std::size_t at = t.find(s); at != std::string_view::npos; at = t.find(s, at + 1)) {
      const std::size_t end = at + s.size();
      if (end < t.size() && !token_break(t[end]) && t[end] != '}' && t[end] != '/') continue;
      const auto [b, e] = token_around(t, at);
      if (b == at) continue;  // `.img` alone is no file name
      return t.substr(b, e - b);
    }
  }
  return {};
}

struct ArchiveSource {
  std::uint32_t begin = 0;
  std::string_view name;
};

void check(const Context& ctx, Reporter& out) {
  // A spec with no %build that installs image files from an archive source ships an image
  // built elsewhere (Kata's kata-containers.tar.gz holds a rootfs .img and an .initrd).
  const bool has_build = !spec_support::section_headers(ctx, "build").empty();
  std::optional<ArchiveSource> archive;
  std::uint32_t image_at = 0;
  std::string_view image;
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (!has_build && (line.section == "install" || line.section == "prep") && image.empty() &&
        line.kind != rpmspec::SyntaxKind::SectionHeader && line.kind != rpmspec::SyntaxKind::Comment) {
      const std::string_view word = image_word(line.text);
      if (!word.empty()) {
        image = word;
        image_at = line.begin + static_cast<std::uint32_t>(word.data() - line.text.data());
      }
    }
    if (line.kind != rpmspec::SyntaxKind::Tag || !line.section.empty()) return;
    const std::string_view tag = line.tag;
    if (!starts_with(tag, "source") && !starts_with(tag, "patch")) return;
    const std::string_view t = line.text;
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) return;
    std::size_t b = colon + 1;
    while (b < t.size() && (t[b] == ' ' || t[b] == '\t')) ++b;
    std::size_t e = b;
    while (e < t.size() && t[e] != ' ' && t[e] != '\t' && t[e] != '#') ++e;
    std::string_view value = t.substr(b, e - b);
    const std::size_t fragment = value.rfind('#');
    if (fragment != std::string_view::npos) value = value.substr(0, fragment);
    const std::size_t slash = value.rfind('/');
    const std::size_t name_at = slash == std::string_view::npos ? 0 : slash + 1;
    const std::string_view name = value.substr(name_at);
    if (!archive && starts_with(tag, "source"))
      for (const std::string_view s : kArchiveSuffixes)
        if (ends_with(name, s)) archive = ArchiveSource{line.begin + static_cast<std::uint32_t>(b + name_at), name};
    bool prebuilt = false;
    for (const std::string_view s : kSuffixes) prebuilt = prebuilt || ends_with(name, s);
    for (const std::string_view s : kInfixes) prebuilt = prebuilt || name.find(s) != std::string_view::npos;
    if (!prebuilt || is_wheel_noarch(name)) return;
    // A Go toolchain is go-bundled-toolchain's business.
    if (starts_with(name, "go") && name.find(".linux-") != std::string_view::npos) return;
    out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(b + name_at), name.size()),
               fmt::format("'{}' is a prebuilt artefact; build it from source in the package", name));
  });
  if (has_build || !archive || image.empty()) return;
  out.report(range_at(ctx, archive->begin, archive->name.size()),
             fmt::format("'{}' holds a prebuilt image: the spec has no %build and installs '{}' from it", archive->name,
                         image))
      .note(range_at(ctx, image_at, image.size()), "the image is installed here");
}

}  // namespace

extern const RuleInfo prebuilt_binary;  // listed in rules/rules.def
constinit const RuleInfo prebuilt_binary{
    .id = "prebuilt-binary",
    .severity = ir::Severity::Error,
    .summary = "a source or patch is a prebuilt binary or image",
    .doc = {.what = R"md(Reports a `SourceN` or `PatchN` whose file name marks a prebuilt artefact: disk and boot images (`*.img`, `*.img.gz`, `*.initrd`, `*.qcow2`, `*.iso`, `*.vmdk`, `*.vmlinuz`), installers and binary packages (`*.exe`, `*.dll`, `*.jar`, `*.deb`, `*.rpm`, `*.AppImage`, wheels other than `-none-any.whl`) and binary distributions (`*-linux-amd64.tar.*`, `*-linux-arm64.tar.*`, `*-bin.tar.*`). It also reports the first archive `SourceN` of a spec that has no `%build` section and whose `%prep` or `%install` picks image files (`*.img`, `*.initrd`, `*.qcow2`, `*.vmlinuz`): the archive then only carries an image built elsewhere. Go toolchains are reported by `go-bundled-toolchain`. The finding is at the file name.)md",
            .why = R"md(Distributions build what they ship from source, so that it can be patched, rebuilt for every architecture and checked by the build. A prebuilt image or binary is whatever someone built elsewhere, with libraries nobody tracks.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        example-rootfs-1.0.img

%description
An example package.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        example-1.0.tar.gz

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: building the artefact from source is a packaging change.)md",
            .reference = R"md(openSUSE *Packaging guidelines*, "No inclusion of pre-built binaries or libraries"; Fedora Packaging Guidelines, "No inclusion of pre-built binaries or libraries".)md"},
    .check = check,
};

}  // namespace katalint::rules
