#include "frontend/analyze.hpp"

#include <filesystem>

#include "frontend/debian/changelog.hpp"
#include "frontend/debian/control.hpp"
#include "frontend/debian/lines.hpp"
#include "frontend/debian/rules.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/obs/changes.hpp"
#include "frontend/rpmspec/evaluator.hpp"
#include "frontend/rpmspec/profile.hpp"
#include "frontend/rpmspec/syntax.hpp"
#include "rules/rule.hpp"

namespace katalint::frontend {

std::string target_of(const AnalyzeOptions& options) {
  return options.target.empty() ? std::string(rpmspec::kDefaultTarget) : options.target;
}

bool validate_target(const AnalyzeOptions& options, std::string& error) {
  rpmspec::MacroEngine engine;
  return rpmspec::profile_engine(target_of(options), engine, error);
}

ir::Package evaluate_spec_file(ir::SourceManager& sources, ir::FileId id, const AnalyzeOptions& options,
                               ir::DiagnosticSink& sink) {
  const ir::SourceFile& file = sources.file(id);
  std::optional<FilledTemplate> filled;
  if (is_template_path(file.path()) || !options.placeholders.empty()) {
    const char open[] = {rpmspec::kOpaqueBegin, '\0'};
    const char close[] = {rpmspec::kOpaqueEnd, '\0'};
    filled = fill_placeholders(file, options.placeholders, open, close);
    if (is_template_path(file.path())) report_unbound(*filled, sink);
  }
  rpmspec::EvaluateOptions evaluate;
  evaluate.defines = options.defines;
  evaluate.with = options.with;
  evaluate.without = options.without;
  evaluate.source_dir = std::filesystem::path(file.path()).parent_path().string();
  const std::string_view text = filled ? std::string_view(filled->text()) : file.text();
  return rpmspec::evaluate_spec(sources, file, text, filled ? &*filled : nullptr, target_of(options), evaluate,
                                sink);
}

void analyze_file(ir::SourceManager& sources, ir::FileId id, const AnalyzeOptions& options,
                  ir::DiagnosticSink& sink) {
  const ir::SourceFile& file = sources.file(id);
  const FileKind kind = options.kind.value_or(classify_path(file.path()));
  const std::string target = target_of(options);
  ir::DiagnosticSink local;
  std::optional<ir::Package> package;
  std::optional<rpmspec::SyntaxTree> tree;
  // The Debian and .changes syntax trees the checks read; `filled` must outlive them (they
  // map ranges through it).
  std::optional<FilledTemplate> filled;
  std::optional<debian::Deb822Document> deb822;
  std::optional<debian::DebianChangelog> changelog;
  std::optional<debian::DebianRules> debian_rules;
  std::optional<debian::SourceFormatFile> source_format;
  std::optional<obs::SuseChanges> suse_changes;
  if (kind == FileKind::Spec) {
    package = evaluate_spec_file(sources, id, options, local);
    // The evaluator already reported the structural problems the tree finds.
    ir::DiagnosticSink structural;
    tree = rpmspec::parse_spec_syntax(file, structural);
  } else {
    filled = fill_placeholders(file, options.placeholders);
    if (is_template_path(file.path())) report_unbound(*filled, local);
    const std::string_view text = filled->text();
    if (kind == FileKind::DebianControl || kind == FileKind::Dsc) {
      const auto flavor = kind == FileKind::Dsc ? debian::Deb822Flavor::Dsc : debian::Deb822Flavor::Control;
      deb822 = debian::parse_deb822(file, text, &*filled, flavor, local);
      package = debian::control_to_ir(*deb822, file, local);
    } else if (kind == FileKind::DebianCopyright && debian::looks_like_dep5(text)) {
      deb822 = debian::parse_deb822(file, text, &*filled, debian::Deb822Flavor::Copyright, local);
    } else if (kind == FileKind::DebianChangelog) {
      changelog = debian::parse_debian_changelog(file, text, &*filled, local);
    } else if (kind == FileKind::DebianRules) {
      debian_rules = debian::parse_debian_rules(file, text, &*filled, local);
    } else if (kind == FileKind::SourceFormat) {
      source_format = debian::parse_source_format(file, text, &*filled, local);
    } else if (kind == FileKind::SuseChanges) {
      suse_changes = obs::parse_suse_changes(file, text, &*filled, local);
    } else {
      // Reading the file reports its syntax problems; rules for these kinds get their IR here.
      debian::read_file(kind, file, text, &*filled, local);
    }
  }

  rules::Context ctx(file, kind, target);
  ctx.package = package ? &*package : nullptr;
  ctx.spec = tree ? &*tree : nullptr;
  ctx.deb822 = deb822 ? &*deb822 : nullptr;
  ctx.changelog = changelog ? &*changelog : nullptr;
  ctx.debian_rules = debian_rules ? &*debian_rules : nullptr;
  ctx.source_format = source_format ? &*source_format : nullptr;
  ctx.suse_changes = suse_changes ? &*suse_changes : nullptr;
  const rules::RuleSet rule_set(options.rules, ctx.family);
  rules::run_checks(ctx, rule_set, local);
  rules::finish_file(file, kind, rule_set, local.diagnostics(), ctx.package);
  for (auto& d : local.diagnostics()) sink.add(std::move(d));
}

}  // namespace katalint::frontend
