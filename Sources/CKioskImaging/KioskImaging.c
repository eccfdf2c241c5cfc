#define _GNU_SOURCE
#include "KioskImaging.h"

#include <math.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif
#include <string.h>
#include <vips/vips.h>

/// Copies libvips's pending error message (or `fallback`) into `error`, and clears it.
static int fail(const char *fallback, char *error, size_t error_size) {
    char *message = vips_error_buffer_copy();
    const char *text = (message != NULL && message[0] != '\0') ? message : fallback;
    if (error_size > 0) {
        strncpy(error, text, error_size - 1);
        error[error_size - 1] = '\0';
        size_t end = strlen(error);
        while (end > 0 && (error[end - 1] == '\n' || error[end - 1] == ' ')) error[--end] = '\0';
    }
    g_free(message);
    return -1;
}

int kiosk_imaging_start(int threads, char *error, size_t error_size) {
    if (VIPS_INIT("kiosk") != 0) return fail("libvips could not start.", error, error_size);
    vips_cache_set_max(0);
    vips_concurrency_set(threads);
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    vips_operation_block_set("VipsForeignLoadJpeg", FALSE);
    vips_operation_block_set("VipsForeignLoadPng", FALSE);
    vips_operation_block_set("VipsForeignLoadWebp", FALSE);
    vips_operation_block_set("VipsForeignLoadNsgif", FALSE);
    return 0;
}

void kiosk_imaging_allow_svg(void) {
    vips_operation_block_set("VipsForeignLoadSvg", FALSE);
}

int kiosk_imaging_read_header(const void *bytes, size_t length, kiosk_image_header *header, char *error, size_t error_size) {
    const char *loader = vips_foreign_find_load_buffer(bytes, length);
    if (loader == NULL) return fail("This file is not an image Kiosk accepts.", error, error_size);
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return fail("The image's header cannot be read.", error, error_size);
    int swap = vips_image_get_orientation_swap(image);
    header->width = swap ? vips_image_get_height(image) : vips_image_get_width(image);
    header->height = swap ? vips_image_get_width(image) : vips_image_get_height(image);
    header->bands = vips_image_get_bands(image);
    header->pages = vips_image_get_n_pages(image);
    header->has_alpha = vips_image_hasalpha(image);
    strncpy(header->loader, loader, sizeof header->loader - 1);
    header->loader[sizeof header->loader - 1] = '\0';
    g_object_unref(image);
    return 0;
}

static int write_stripped(VipsImage *image, const kiosk_rendition_request *request, void **output, size_t *output_length);

/// Writes `image` in `encoding` with no metadata. Every field is removed from a copy first, since
/// some of libvips's writers keep a colour profile or EXIF despite their `strip` option.
static int save(VipsImage *pixels, const kiosk_rendition_request *request, void **output, size_t *output_length) {
    VipsImage *image = NULL;
    if (vips_copy(pixels, &image, NULL) != 0) return -1;
    gchar **fields = vips_image_get_fields(image);
    for (int i = 0; fields[i] != NULL; i++) vips_image_remove(image, fields[i]);
    g_strfreev(fields);
    int status = write_stripped(image, request, output, output_length);
    g_object_unref(image);
    return status;
}

/// Writes `image`, already without metadata, in `encoding`.
static int write_stripped(VipsImage *image, const kiosk_rendition_request *request, void **output, size_t *output_length) {
    switch (request->encoding) {
    case KIOSK_ENCODING_JPEG:
        return vips_jpegsave_buffer(image, output, output_length, "Q", request->quality, "strip", TRUE,
            "optimize_coding", TRUE, "interlace", TRUE, NULL);
    case KIOSK_ENCODING_PNG:
        return vips_pngsave_buffer(image, output, output_length, "strip", TRUE, "compression", 6, NULL);
    case KIOSK_ENCODING_WEBP:
        return vips_webpsave_buffer(image, output, output_length, "Q", request->quality, "strip", TRUE, NULL);
    case KIOSK_ENCODING_AVIF:
        return vips_heifsave_buffer(image, output, output_length, "Q", request->quality, "strip", TRUE,
            "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "effort", request->effort, NULL);
    }
    vips_error("kiosk", "unknown encoding");
    return -1;
}

int kiosk_imaging_render(const void *bytes, size_t length, const kiosk_rendition_request *request, void **output, size_t *output_length, char *error, size_t error_size) {
    kiosk_image_header header;
    if (kiosk_imaging_read_header(bytes, length, &header, error, error_size) != 0) return -1;
    if (request->width < 1 || request->height < 1) {
        vips_error("kiosk", "a rendition must be at least one pixel wide and high");
        return fail("", error, error_size);
    }
    // Scale so that the image covers the rendition, then crop the rest away around the focal point.
    double scale = fmax((double)request->width / header.width, (double)request->height / header.height);
    int scaled_width = (int)ceil(header.width * scale);
    VipsObject *scope = VIPS_OBJECT(vips_image_new());
    VipsImage **steps = (VipsImage **)vips_object_local_array(scope, 6);
    int status = -1;
    if (vips_thumbnail_buffer((void *)bytes, length, &steps[0], scaled_width, "height", VIPS_MAX_COORD,
            "export_profile", "srgb", "option_string", "fail_on=truncated", NULL) != 0) goto done;
    VipsImage *image = steps[0];
    if (vips_colourspace(image, &steps[1], VIPS_INTERPRETATION_sRGB, NULL) != 0) goto done;
    image = steps[1];
    if (vips_image_get_format(image) != VIPS_FORMAT_UCHAR) {
        if (vips_cast_uchar(image, &steps[2], "shift", TRUE, NULL) != 0) goto done;
        image = steps[2];
    }
    int width = vips_image_get_width(image), height = vips_image_get_height(image);
    if (width < request->width || height < request->height) {
        // Rounding can leave the scaled image a pixel short; repeat its edge.
        if (vips_embed(image, &steps[3], 0, 0, width > request->width ? width : request->width,
                height > request->height ? height : request->height, "extend", VIPS_EXTEND_COPY, NULL) != 0) goto done;
        image = steps[3];
        width = vips_image_get_width(image);
        height = vips_image_get_height(image);
    }
    int left = (int)lround(request->focus_x * width - request->width / 2.0);
    int top = (int)lround(request->focus_y * height - request->height / 2.0);
    left = left < 0 ? 0 : (left > width - request->width ? width - request->width : left);
    top = top < 0 ? 0 : (top > height - request->height ? height - request->height : top);
    if (vips_extract_area(image, &steps[4], left, top, request->width, request->height, NULL) != 0) goto done;
    image = steps[4];
    if (request->encoding == KIOSK_ENCODING_JPEG && vips_image_hasalpha(image)) {
        double white[3] = {255, 255, 255};
        VipsArrayDouble *background = vips_array_double_new(white, 3);
        int flattened = vips_flatten(image, &steps[5], "background", background, NULL);
        vips_area_unref(VIPS_AREA(background));
        if (flattened != 0) goto done;
        image = steps[5];
    }
    status = save(image, request, output, output_length);
done:
    g_object_unref(scope);
    return status == 0 ? 0 : fail("The image could not be converted.", error, error_size);
}

int kiosk_imaging_can_encode_avif(void) {
    // Debian builds libheif with or without an AV1 encoder; only writing a small image tells.
    VipsImage *image = NULL;
    if (vips_black(&image, 16, 16, "bands", 3, NULL) != 0) return 0;
    VipsImage *pixels = NULL;
    int can = vips_cast_uchar(image, &pixels, NULL) == 0;
    void *output = NULL;
    size_t length = 0;
    can = can && vips_heifsave_buffer(pixels, &output, &length, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "effort", 0, NULL) == 0;
    g_free(output);
    if (pixels != NULL) g_object_unref(pixels);
    g_object_unref(image);
    vips_error_clear();
    return can;
}

void kiosk_imaging_lower_thread_priority(void) {
#ifdef __linux__
    // On Linux, setpriority with a thread id changes that thread alone.
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
#endif
}

void kiosk_imaging_free(void *output) {
    g_free(output);
}
