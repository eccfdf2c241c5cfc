// Debian's libxml2 is built with ICU, and its headers would bring in the system's ICU headers,
// which clash with the copy of ICU inside Swift's Foundation. Kiosk never uses libxml2's encoding
// handlers (documents are parsed from UTF-8), so the ICU parts are left out of the declarations.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
