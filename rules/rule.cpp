#include "rules/rule.hpp"

#include <memory>

#include "frontend/rpmspec/macro_engine.hpp"
#include "frontend/rpmspec/profile.hpp"

namespace katalint::rules {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

Family family_of(std::string_view target) {
  if (starts_with(target, "opensuse") || starts_with(target, "sle") || starts_with(target, "suse"))
    return Family::Suse;
  if (starts_with(target, "fedora") || starts_with(target, "rhel") || starts_with(target, "centos"))
    return Family::Fedora;
  if (starts_with(target, "ubuntu") || starts_with(target, "debian")) return Family::Ubuntu;
  return Family::Generic;
}

std::string_view to_string(Family family) {
  switch (family) {
    case Family::Generic: return "generic";
    case Family::Suse: return "suse";
    case Family::Fedora: return "fedora";
    case Family::Ubuntu: return "ubuntu";
  }
  return "generic";
}

std::string_view default_target(Family family) {
  switch (family) {
    case Family::Generic: return "rpm";
    case Family::Suse: return "opensuse-tumbleweed";
    case Family::Fedora: return "fedora";
    case Family::Ubuntu: return "ubuntu";
  }
  return "rpm";
}

std::string_view to_string(Origin origin) {
  switch (origin) {
    case Origin::Frontend: return "frontend";
    case Origin::Package: return "package";
    case Origin::Engine: return "engine";
    case Origin::Check: return "check";
  }
  return "check";
}

std::string_view to_string(FixAvailability fix) {
  switch (fix) {
    case FixAvailability::None: return "none";
    case FixAvailability::Safe: return "safe";
    case FixAvailability::Unsafe: return "unsafe";
    case FixAvailability::SafeAndUnsafe: return "safe and unsafe";
    case FixAvailability::DisplayOnly: return "display-only";
  }
  return "none";
}

bool RuleInfo::enabled_by_default(Family family) const {
  if (origin == Origin::Frontend || origin == Origin::Engine) return true;
  switch (family) {
    case Family::Generic: return families == kAllFamilies;
    case Family::Suse: return (families & kSuse) != 0;
    case Family::Fedora: return (families & kFedora) != 0;
    case Family::Ubuntu: return (families & kUbuntu) != 0;
  }
  return false;
}

struct Context::Lazy {
  bool tried = false;
  std::unique_ptr<rpmspec::MacroEngine> engine;
};

Context::Context(const ir::SourceFile& f, frontend::FileKind k, std::string_view t)
    : file(f), kind(k), target(t), family(family_of(t)) {}

Context::~Context() = default;

rpmspec::MacroEngine* Context::profile_macros() const {
  if (!lazy_) lazy_ = std::make_unique<Lazy>();
  if (!lazy_->tried) {
    lazy_->tried = true;
    auto engine = std::make_unique<rpmspec::MacroEngine>();
    std::string error;
    if (rpmspec::profile_engine(target, *engine, error)) lazy_->engine = std::move(engine);
  }
  return lazy_->engine.get();
}

std::optional<std::string> Context::profile_value(std::string_view macro) const {
  auto* engine = profile_macros();
  if (!engine || !engine->is_defined(macro)) return std::nullopt;
  std::string value = engine->expand("%{" + std::string(macro) + "}");
  if (engine->last_expansion_failed() || rpmspec::contains_opaque(value)) return std::nullopt;
  return value;
}

}  // namespace katalint::rules
