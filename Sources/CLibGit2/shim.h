// Umbrella for the libgit2 headers (Debian's libgit2-dev, libgit2 1.5).
#ifndef REPRO_CLIBGIT2_SHIM_H
#define REPRO_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
