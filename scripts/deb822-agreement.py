#!/usr/bin/python3
"""Print how python3-debian reads a deb822 file, as JSON.

  deb822-agreement.py --dump FILE   ->  {"paragraphs": [{field: value, ...}, ...]}
  deb822-agreement.py --dump FILE1 FILE2 ...  ->  one such object per line, in order
  deb822-agreement.py --relations FILE...  ->  per line: {"paragraphs": [{field: groups}]}
      with every relationship field parsed by debian.deb822.PkgRelation.parse_relations:
      groups = [[{"name", "archqual", "op", "version", "arch": ["!i386", ...],
                  "profiles": ["!nocheck cross", ...]}, ...alternatives], ...]

The file is read in binary mode and handed to debian.deb822.Deb822.iter_paragraphs
without apt_pkg, which is how tools read debian/control, .dsc and DEP-5 files.
katalint's deb822_query_json() must print the same values (see docs/debian-frontend.md).
"""
import json
import sys


def dump(path):
    from debian import deb822
    paragraphs = []
    with open(path, "rb") as f:
        for para in deb822.Deb822.iter_paragraphs(f, use_apt_pkg=False):
            paragraphs.append({str(k): para[k] for k in para})
    return {"paragraphs": paragraphs}


RELATION_FIELDS = {
    "build-depends", "build-depends-arch", "build-depends-indep", "build-conflicts",
    "build-conflicts-arch", "build-conflicts-indep", "pre-depends", "depends", "recommends",
    "suggests", "enhances", "breaks", "conflicts", "provides", "replaces", "built-using",
    "static-built-using",
}


def relations(path):
    import logging
    from debian import deb822
    logging.disable(logging.WARNING)  # parse_relations warns on `${substvars}`
    import re
    dep_re = re.compile(r'^\s*[a-zA-Z0-9][a-zA-Z0-9.+\-]*\s*$')
    out = []
    with open(path, "rb") as f:
        for para in deb822.Deb822.iter_paragraphs(f, use_apt_pkg=False):
            fields = {}
            for key in para:
                if key.lower() not in RELATION_FIELDS:
                    continue
                groups = deb822.PkgRelation.parse_relations(para[key])
                # A trailing comma leaves one empty group behind.
                groups = [g for g in groups if not (len(g) == 1 and not g[0]["name"])]
                fields[str(key)] = [[{
                    # parse_relations hands back what its regex cannot read (substvars,
                    # `(= ${binary:Version})`) as the name, unparsed.
                    "raw": dep_re.match(a["name"]) is None if not a["archqual"] and not
                    a["version"] and not a["arch"] and not a["restrictions"] else False,
                    "name": a["name"],
                    "archqual": a["archqual"] or "",
                    "op": a["version"][0] if a["version"] else "",
                    "version": a["version"][1] if a["version"] else "",
                    "arch": [("" if r.enabled else "!") + r.arch for r in (a["arch"] or [])],
                    "profiles": [" ".join(("" if r.enabled else "!") + r.profile for r in grp)
                                 for grp in (a["restrictions"] or [])],
                } for a in g] for g in groups]
            out.append(fields)
    return {"paragraphs": out}


def main(argv):
    if len(argv) < 3 or argv[1] not in ("--dump", "--relations"):
        sys.stderr.write("usage: deb822-agreement.py --dump|--relations FILE...\n")
        return 2
    try:
        import debian.deb822  # noqa: F401
    except ImportError:
        sys.stderr.write("python3-debian is not installed\n")
        return 77
    if argv[1] == "--relations":
        for path in argv[2:]:
            json.dump(relations(path), sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        return 0
    if len(argv) == 3:
        json.dump(dump(argv[2]), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for path in argv[2:]:
        json.dump(dump(path), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
