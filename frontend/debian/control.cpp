#include "frontend/debian/control.hpp"

#include <fmt/core.h>


#include "frontend/debian/relations.hpp"
#include "frontend/debian/text.hpp"
#include "frontend/rpmspec/dependencies.hpp"

namespace katalint::frontend::debian {
namespace {

// Fields whose spelling dpkg knows (Dpkg::Control::FieldsCore), plus OBS debtransform.
constexpr std::string_view kKnownFields[] = {
    "Architecture", "Binary", "Breaks", "Bugs", "Build-Conflicts", "Build-Conflicts-Arch",
    "Build-Conflicts-Indep", "Build-Depends", "Build-Depends-Arch", "Build-Depends-Indep",
    "Build-Essential", "Build-Profiles", "Built-Using", "Checksums-Md5", "Checksums-Sha1",
    "Checksums-Sha256", "Comment", "Conflicts", "Copyright", "Debtransform-Files",
    "Debtransform-Files-Tar", "Debtransform-Release", "Debtransform-Series", "Debtransform-Tar",
    "Depends", "Description", "Dgit", "Disclaimer", "Enhances", "Essential", "Features",
    "Files", "Format", "Homepage", "License", "Maintainer", "Multi-Arch", "OBS-DCH-Release",
    "Origin", "Package", "Package-List", "Package-Type", "Pre-Depends", "Priority",
    "Protected", "Provides", "Recommends", "Replaces", "Restrictions", "Rules-Requires-Root",
    "Section", "Source", "Standards-Version", "Static-Built-Using", "Subarchitecture",
    "Suggests", "Test-Command", "Tests", "Tests-Directory", "Testsuite", "Testsuite-Triggers",
    "Upstream-Contact", "Upstream-Name", "Uploaders", "Vcs-Arch", "Vcs-Browser", "Vcs-Bzr",
    "Vcs-Cvs", "Vcs-Darcs", "Vcs-Git", "Vcs-Hg", "Version"};

constexpr std::string_view kFoldedNonRelation[] = {
    "Architecture", "Binary", "Build-Profiles", "Restrictions", "Rules-Requires-Root",
    "Testsuite", "Testsuite-Triggers", "Uploaders", "Tests"};

ir::Field make_field(const Deb822Field& f, const ir::SourceFile& file, const Deb822Document& doc) {
  ir::Field out;
  out.range = f.range;
  out.value_range = f.value_range;
  out.name = canonical_field_name(f.name);
  const std::string_view src = file.text();
  if (f.value_range.end <= src.size() && f.value_range.begin <= f.value_range.end)
    out.raw.assign(src.substr(f.value_range.begin, f.value_range.end - f.value_range.begin));
  out.value = is_folded_field(f.name) ? folded_value(doc, f) : f.value;
  return out;
}

// Debian [epoch:]upstream[-revision] into the IR's epoch/version/release.
void split_version(std::string_view v, std::optional<std::string>& epoch, std::string& version,
                   std::string& release) {
  v = trim(v);
  if (const auto colon = v.find(':'); colon != std::string_view::npos) {
    epoch = std::string(v.substr(0, colon));
    v.remove_prefix(colon + 1);
  }
  if (const auto dash = v.rfind('-'); dash != std::string_view::npos) {
    release.assign(v.substr(dash + 1));
    v = v.substr(0, dash);
  }
  version.assign(v);
}

// `read` counts the relations of the whole file, which stay under kMaxDependenciesPerFile.
void add_relations(const Deb822Document& doc, const Deb822Paragraph& para, bool source,
                   std::vector<ir::Dependency>& out, std::size_t& read, ir::DiagnosticSink& sink) {
  for (const Deb822Field& f : para.fields) {
    const auto how = relation_field(f.name);
    if (!how || how->source != source) continue;
    if (read >= rpmspec::kMaxDependenciesPerFile) {
      if (read++ > rpmspec::kMaxDependenciesPerFile) return;  // reported once
      sink.report("too-many-dependencies", ir::Severity::Warning, f.range,
                  fmt::format("more than {} relations in the file; the rest are not read",
                              rpmspec::kMaxDependenciesPerFile));
      return;
    }
    auto deps = parse_relations(doc, f, *how, sink);
    for (auto& d : deps) {
      if (read >= rpmspec::kMaxDependenciesPerFile) break;
      ++read;
      out.push_back(std::move(d));
    }
  }
}

std::vector<std::string> split_list(std::string_view s, bool commas) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (is_space(c) || (commas && c == ',')) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

std::string canonical_field_name(std::string_view name) {
  for (std::string_view known : kKnownFields) {
    if (iequals(known, name)) return std::string(known);
  }
  return std::string(name);
}

bool is_folded_field(std::string_view name) {
  if (relation_field(name)) return true;
  for (std::string_view f : kFoldedNonRelation) {
    if (iequals(f, name)) return true;
  }
  return false;
}

ir::Package control_to_ir(const Deb822Document& doc, const ir::SourceFile& file,
                          ir::DiagnosticSink& sink) {
  ir::Package pkg;
  pkg.file = doc.file;
  if (doc.paragraphs.empty()) return pkg;
  const Deb822Paragraph& src = doc.paragraphs.front();
  for (const Deb822Field& f : src.fields) pkg.fields.push_back(make_field(f, file, doc));
  if (const auto* f = src.find("Source")) pkg.name = std::string(trim(f->value));
  if (const auto* f = src.find("Homepage")) pkg.url = std::string(trim(f->value));
  if (const auto* f = src.find("Version")) split_version(f->value, pkg.epoch, pkg.version, pkg.release);
  std::size_t relations_read = 0;
  add_relations(doc, src, true, pkg.build_dependencies, relations_read, sink);

  for (std::size_t i = 1; i < doc.paragraphs.size(); ++i) {
    const Deb822Paragraph& para = doc.paragraphs[i];
    const Deb822Field* name = para.find("Package");
    if (name == nullptr) continue;
    ir::BinaryPackage bin;
    bin.range = para.range;
    bin.name = std::string(trim(name->value));
    for (const Deb822Field& f : para.fields) bin.fields.push_back(make_field(f, file, doc));
    if (const auto* f = para.find("Architecture")) bin.arch = folded_value(doc, *f);
    if (const auto* f = para.find("Homepage")) bin.url = std::string(trim(f->value));
    if (const auto* f = para.find("Description")) {
      bin.has_description = true;
      const auto lines = multiline_value(doc, *f);
      bin.summary = std::string(trim(lines.front()));
      for (std::size_t k = 1; k < lines.size(); ++k) {
        if (k > 1) bin.description.push_back('\n');
        bin.description.append(lines[k]);
      }
      if (f->piece_count > 1) {
        const auto& first = doc.pieces[f->first_piece + 1];
        const auto& last = doc.pieces[f->first_piece + f->piece_count - 1];
        bin.description_range = doc.range(first.begin, last.end);
      } else {
        bin.description_range = f->value_range;
      }
    }
    add_relations(doc, para, false, bin.dependencies, relations_read, sink);
    pkg.packages.push_back(std::move(bin));
  }
  return pkg;
}

DscInfo read_dsc(const Deb822Document& doc) {
  DscInfo info;
  if (doc.paragraphs.empty()) return info;
  const Deb822Paragraph& p = doc.paragraphs.front();
  auto get = [&](std::string_view name) -> std::string {
    const auto* f = p.find(name);
    return f == nullptr ? std::string() : folded_value(doc, *f);
  };
  info.format = get("Format");
  info.source = get("Source");
  info.version = get("Version");
  info.binaries = split_list(get("Binary"), true);
  info.architectures = split_list(get("Architecture"), false);
  info.debtransform_tar = get("Debtransform-Tar");
  info.debtransform_files_tar = get("Debtransform-Files-Tar");
  info.debtransform_series = get("Debtransform-Series");
  info.debtransform_release = get("Debtransform-Release");
  if (info.debtransform_release.empty()) info.debtransform_release = get("OBS-DCH-Release");
  auto files = [&](std::string_view name, std::vector<DscFileEntry>& out) {
    const auto* f = p.find(name);
    if (f == nullptr) return;
    for (std::uint32_t i = 1; i < f->piece_count; ++i) {
      const ValuePiece& piece = doc.pieces[f->first_piece + i];
      const auto parts = split_list(doc.piece_text(piece), false);
      DscFileEntry e;
      e.range = doc.range(piece.begin, piece.end);
      if (!parts.empty()) e.checksum = parts[0];
      if (parts.size() > 1) e.size = parts[1];
      if (parts.size() > 2) e.name = parts[2];
      out.push_back(std::move(e));
    }
  };
  files("Files", info.files);
  files("Checksums-Sha256", info.checksums_sha256);
  return info;
}

}  // namespace katalint::frontend::debian
