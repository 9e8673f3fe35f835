// deb822-unterminated-signature: reported by frontend/debian/deb822.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo deb822_unterminated_signature;  // listed in rules/rules.def
constinit const RuleInfo deb822_unterminated_signature{
    .id = "deb822-unterminated-signature",
    .severity = ir::Severity::Error,
    .summary = "openpgp armor without its end line",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc) | kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a signed deb822 file (a `.dsc`) whose OpenPGP armor has no `-----END PGP SIGNATURE-----` line.)md",
             .why = R"md(dpkg-source cannot verify or even read the file.)md",
             .example = R"md(-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

Format: 3.0 (quilt)
Source: example
Binary: example
Architecture: any
Version: 1.0-1
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
-----BEGIN PGP SIGNATURE-----

iQEzBAEBCAAdFiEE
)md",
             .use_instead = R"md(-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

Format: 3.0 (quilt)
Source: example
Binary: example
Architecture: any
Version: 1.0-1
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
-----BEGIN PGP SIGNATURE-----

iQEzBAEBCAAdFiEE
-----END PGP SIGNATURE-----
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(RFC 4880 section 7 (cleartext signature framework); dpkg-source.)md",
             .example_file = "example.dsc"},
};

}  // namespace katalint::rules
