// libvips, for the C wrappers in CKioskImaging: Swift code never calls libvips directly, because
// its entry points take variable arguments, which Swift cannot pass.
#include <vips/vips.h>
