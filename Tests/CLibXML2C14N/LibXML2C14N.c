#include "LibXML2C14N.h"

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

int passerelle_exc_c14n(const char *xml, int length, const char *xpath, unsigned char **out) {
    *out = NULL;
    xmlDocPtr doc = xmlReadMemory(xml, length, "input.xml", NULL, XML_PARSE_NONET);
    if (doc == NULL) {
        return -1;
    }
    xmlXPathContextPtr context = NULL;
    xmlXPathObjectPtr selection = NULL;
    xmlNodeSetPtr nodes = NULL;
    if (xpath != NULL) {
        context = xmlXPathNewContext(doc);
        selection = context ? xmlXPathEvalExpression((const xmlChar *)xpath, context) : NULL;
        if (selection == NULL || selection->type != XPATH_NODESET) {
            if (selection) xmlXPathFreeObject(selection);
            if (context) xmlXPathFreeContext(context);
            xmlFreeDoc(doc);
            return -2;
        }
        nodes = selection->nodesetval;
    }
    int written = xmlC14NDocDumpMemory(doc, nodes, XML_C14N_EXCLUSIVE_1_0, NULL, 0, out);
    if (selection) xmlXPathFreeObject(selection);
    if (context) xmlXPathFreeContext(context);
    xmlFreeDoc(doc);
    return written;
}

void passerelle_c14n_free(unsigned char *buffer) {
    if (buffer != NULL) {
        xmlFree(buffer);
    }
}
