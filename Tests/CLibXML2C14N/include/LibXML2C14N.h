#ifndef PASSERELLE_LIBXML2_C14N_H
#define PASSERELLE_LIBXML2_C14N_H

/* Test-only oracle: libxml2's exclusive canonicalisation (xmlC14NDocDumpMemory). */

/* Canonicalises `xml` (exclusive c14n 1.0, no comments). With `xpath` non-NULL, only the node set it selects
   (document-subset form, e.g. an assertion without its signature). Returns the length written to *out
   (free with passerelle_c14n_free), or a negative value on error. */
int passerelle_exc_c14n(const char *xml, int length, const char *xpath, unsigned char **out);

void passerelle_c14n_free(unsigned char *buffer);

#endif
