#ifndef PASSERELLE_LIBXML2_SHIM_H
#define PASSERELLE_LIBXML2_SHIM_H
/* libxml2 (Debian libxml2-dev) for the test-only c14n oracle; included by C code only (its ICU headers clash with
   Foundation's if Swift imports this module). */
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#endif
