#!/usr/bin/env bash
# Rebuilds the Kata home project as it was at a release tag, one folder per OBS package,
# from the corpus' TAGS.tsv: home/<package>/<file> (project-level files are left out).
# Usage: scripts/kata-home-at-tag.sh CORPUS_DIR TAG DEST
set -eu
corpus=${1:?usage: kata-home-at-tag.sh CORPUS_DIR TAG DEST}
tag=${2:?tag}
dest=${3:?dest}
found=0
while IFS=$'\t' read -r row_tag _ repo_path corpus_file; do
  [ "$row_tag" = "$tag" ] || continue
  package=${corpus_file%%/*}
  case $package in _*) continue ;; esac
  mkdir -p "$dest/$package"
  cp "$corpus/$corpus_file" "$dest/$package/${repo_path##*/}"
  found=$((found + 1))
done < <(tail -n +2 "$corpus/TAGS.tsv")
[ "$found" -gt 0 ] || { echo "no files for tag '$tag'" >&2; exit 1; }
