// prebuilt-binary: a SourceN or PatchN that names a prebuilt artefact.
#include <fmt/core.h>

#include <array>

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

void check(const Context& ctx, Reporter& out) {
  const rpmspec::SyntaxTree& tree = *ctx.spec;
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.kind != rpmspec::SyntaxKind::Tag || !line.section.empty()) return;
    const std::string tag = spec_support::tag_name(tree, line.node);
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
    bool prebuilt = false;
    for (const std::string_view s : kSuffixes) prebuilt = prebuilt || ends_with(name, s);
    for (const std::string_view s : kInfixes) prebuilt = prebuilt || name.find(s) != std::string_view::npos;
    if (!prebuilt || is_wheel_noarch(name)) return;
    // A Go toolchain is go-bundled-toolchain's business.
    if (starts_with(name, "go") && name.find(".linux-") != std::string_view::npos) return;
    out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(b + name_at), name.size()),
               fmt::format("'{}' is a prebuilt artefact; build it from source in the package", name));
  });
}

}  // namespace

extern const RuleInfo prebuilt_binary;  // listed in rules/rules.def
constinit const RuleInfo prebuilt_binary{
    .id = "prebuilt-binary",
    .severity = ir::Severity::Error,
    .summary = "a source or patch is a prebuilt binary or image",
    .doc = {.what = R"md(Reports a `SourceN` or `PatchN` whose file name marks a prebuilt artefact: disk and boot images (`*.img`, `*.img.gz`, `*.initrd`, `*.qcow2`, `*.iso`, `*.vmdk`, `*.vmlinuz`), installers and binary packages (`*.exe`, `*.dll`, `*.jar`, `*.deb`, `*.rpm`, `*.AppImage`, wheels other than `-none-any.whl`) and binary distributions (`*-linux-amd64.tar.*`, `*-linux-arm64.tar.*`, `*-bin.tar.*`). Go toolchains are reported by `go-bundled-toolchain`. The finding is at the file name.)md",
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
