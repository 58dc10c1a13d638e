#ifndef PASSERELLE_CPCSCLITE_SHIM_H
#define PASSERELLE_CPCSCLITE_SHIM_H

#include <PCSC/winscard.h>
#include <PCSC/pcsclite.h>
#include <PCSC/wintypes.h>

#endif
