#ifndef PASSERELLE_CZLIB_SHIM_H
#define PASSERELLE_CZLIB_SHIM_H
// Only inflate is used: PDF object streams and cross-reference streams are Flate-compressed.
#include <zlib.h>
#endif
