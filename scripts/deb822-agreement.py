#!/usr/bin/python3
"""Print how python3-debian reads a deb822 file, as JSON.

  deb822-agreement.py --dump FILE   ->  {"paragraphs": [{field: value, ...}, ...]}
  deb822-agreement.py --dump FILE1 FILE2 ...  ->  one such object per line, in order

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


def main(argv):
    if len(argv) < 3 or argv[1] != "--dump":
        sys.stderr.write("usage: deb822-agreement.py --dump FILE...\n")
        return 2
    try:
        import debian.deb822  # noqa: F401
    except ImportError:
        sys.stderr.write("python3-debian is not installed\n")
        return 77
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
