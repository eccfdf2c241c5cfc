// Fixed-argument wrappers around the few libvips operations Kiosk uses. libvips's own entry
// points take variable arguments, which Swift cannot pass; these take plain values and report
// failures as a message in a caller's buffer. Nothing here keeps state between calls except the
// library's one-time start.
#ifndef KIOSK_IMAGING_H
#define KIOSK_IMAGING_H

#include <stddef.h>

/// The encodings a rendition can be written in.
typedef enum {
    KIOSK_ENCODING_JPEG = 0,
    KIOSK_ENCODING_PNG = 1,
    KIOSK_ENCODING_WEBP = 2,
    KIOSK_ENCODING_AVIF = 3,
} kiosk_encoding;

/// What libvips reads from an image's header without decoding its pixels.
typedef struct {
    /// Width and height as displayed, after the EXIF orientation is applied.
    int width;
    int height;
    /// Number of bands, alpha included.
    int bands;
    /// Number of pages or frames (animated GIF and WebP have more than one).
    int pages;
    /// Whether the image has an alpha band.
    int has_alpha;
    /// The loader libvips chose from the bytes, such as "jpegload_buffer".
    char loader[48];
} kiosk_image_header;

/// One rendition to make: the image scaled to cover `width` × `height`, then cropped to it around
/// the focal point (`focus_x`, `focus_y`, fractions of the displayed width and height).
typedef struct {
    /// The rendition's size in pixels.
    int width;
    int height;
    double focus_x;
    double focus_y;
    kiosk_encoding encoding;
    /// The encoder's quality, 1 to 100.
    int quality;
    /// The AV1 encoder's effort for AVIF, 0 (fastest) to 9.
    int effort;
} kiosk_rendition_request;

/// Starts libvips once for the process: no operation cache, `threads` worker threads per
/// operation, untrusted operations and every loader blocked except JPEG, PNG, WebP and GIF.
/// Returns 0, or -1 with a message in `error`.
int kiosk_imaging_start(int threads, char *error, size_t error_size);

/// Unblocks the SVG loader, for drawings the program made itself.
void kiosk_imaging_allow_svg(void);

/// Reads the header of the image in `bytes`. Returns 0, or -1 with a message in `error`.
int kiosk_imaging_read_header(const void *bytes, size_t length, kiosk_image_header *header, char *error, size_t error_size);

/// Makes one rendition of the image in `bytes`: EXIF orientation applied, colour converted to
/// sRGB, every piece of metadata left out. On success returns 0 and sets `output` (free it with
/// `kiosk_imaging_free`) and `output_length`; on failure returns -1 with a message in `error`.
int kiosk_imaging_render(const void *bytes, size_t length, const kiosk_rendition_request *request, void **output, size_t *output_length, char *error, size_t error_size);

/// Whether this libvips can write AVIF (libheif with an AV1 encoder).
int kiosk_imaging_can_encode_avif(void);

/// Gives the calling thread the lowest scheduling priority (on Linux; elsewhere it does nothing),
/// for the thread images are resized on.
void kiosk_imaging_lower_thread_priority(void);

/// Frees a rendition's bytes.
void kiosk_imaging_free(void *output);

#endif
