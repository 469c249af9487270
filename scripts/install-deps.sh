#!/usr/bin/env bash
# Installs what building, testing and the demo need on Debian, only when missing.
# Safe to run again; does nothing on a machine that is already set up.
set -euo pipefail

need_apt=()
pkg-config --exists libgit2 2>/dev/null || need_apt+=(libgit2-dev pkg-config)
[ -f /usr/include/sqlite3.h ] || need_apt+=(libsqlite3-dev)
# FoundationNetworking (repro upstream) links libcurl statically in `make release`.
pkg-config --exists libcurl 2>/dev/null || need_apt+=(libcurl4-openssl-dev)
command -v pdflatex >/dev/null 2>&1 || need_apt+=(texlive-latex-base texlive-latex-recommended texlive-fonts-recommended)
kpsewhich IEEEtran.cls >/dev/null 2>&1 || need_apt+=(texlive-publishers)
# acmart loads xstring (texlive-plain-generic) and packages of texlive-latex-extra.
kpsewhich xstring.sty >/dev/null 2>&1 || need_apt+=(texlive-plain-generic)
kpsewhich environ.sty >/dev/null 2>&1 || need_apt+=(texlive-latex-extra)
# Scalable T1/TS1 Computer Modern: acmart's microtype font expansion refuses bitmap fonts.
dpkg -s cm-super >/dev/null 2>&1 || need_apt+=(cm-super)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
command -v git >/dev/null 2>&1 || need_apt+=(git)
# `repro run --trace` and the tests that check what a command opened.
command -v strace >/dev/null 2>&1 || need_apt+=(strace)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-deps: installing ${need_apt[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

need_pip=()
python3 -c 'import cyclonedx, jsonschema, referencing' 2>/dev/null || need_pip+=('cyclonedx-python-lib[json-validation]')
python3 -c 'import prov' 2>/dev/null || need_pip+=(prov)
# The reference RFC 8785 implementation the canonical-JSON differential test compares against.
python3 -c 'import rfc8785' 2>/dev/null || need_pip+=(rfc8785)
if [ ${#need_pip[@]} -gt 0 ]; then
  echo "install-deps: pip installing ${need_pip[*]}" >&2
  python3 -m pip install -q "${need_pip[@]}"
fi
