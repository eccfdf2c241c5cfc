<?php
/*
 * The reference of bench/wordpress_import.py: what WordPress's own importer plugin does with each
 * record of an export, done through WordPress's API on a freshly installed site, so that Kiosk's
 * `kiosk import wordpress` can be compared with WordPress taking in the same file.
 *
 * Run by bench/wordpress_import.py (it sets BENCH_WP_CONFIG to a throwaway wp-config.php);
 * not on its own.  Usage: php insert.php EXPORT.xml UPLOADS-FOLDER
 *
 * The export is streamed with XMLReader, one record at a time:
 *   - each <wp:author>: wp_insert_user() (unless the login exists);
 *   - each <wp:category> and <wp:tag>, and each <wp:term> not seen yet: wp_insert_term(), with the
 *     parent category mapped to its new id;
 *   - each post: wp_insert_post() with its author, dates, status, slug, excerpt and the rest, the
 *     old ID asked for with import_id; then wp_set_object_terms() for its categories and for its
 *     tags, and add_post_meta() for each of its postmeta;
 *   - each attachment: its file copied from the uploads folder to a temporary path (side-loading
 *     moves the file it is given) and media_handle_sideload() with its title, caption, description
 *     and dates, attached to its parent post: WordPress checks the file, moves it into
 *     uploads/YEAR/MONTH, makes the attachment and generates its resized copies and metadata;
 *     then add_post_meta() for its postmeta other than the two the side-load wrote itself;
 *   - at the end, set_post_thumbnail() for every post whose _thumbnail_id names an attachment,
 *     mapped to the attachment's new id (the importer's "remap featured images" step).
 *
 * As the importer does, it runs as an administrator, suspends cache invalidation and defers term
 * counting while it works.  It leaves out what the importer also does and Kiosk has no part of:
 * comments, the post_exists() look-up before each item (an unindexed title and date search of
 * wp_posts), fetching attachments over HTTP, and rewriting old image addresses in the bodies once
 * all is in. Those would only add to WordPress's time.
 *
 * Progress goes to stderr every 500 posts; the last line on stdout is a JSON summary (counts, the
 * seconds spent in media_handle_sideload, PHP's peak memory).
 */

require getenv('BENCH_WP_CONFIG');
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

const WXR_WP = 'http://wordpress.org/export/1.2/';
const WXR_CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const WXR_EXCERPT = 'http://wordpress.org/export/1.2/excerpt/';
const WXR_DC = 'http://purl.org/dc/elements/1.1/';

$started = microtime(true);
[$self, $export, $uploads] = $argv + [null, null, null];
if (!$export || !$uploads) {
    fwrite(STDERR, "usage: php insert.php EXPORT.xml UPLOADS-FOLDER\n");
    exit(2);
}

/** Stops with a message when WordPress returns an error or nothing. */
function required($value, string $what) {
    if (is_wp_error($value) || !$value) {
        fwrite(STDERR, "failed: $what" . (is_wp_error($value) ? ': ' . $value->get_error_message() : '') . "\n");
        exit(1);
    }
    return $value;
}

/** The element the reader stands on, as SimpleXML (its namespaces kept). */
function current_element(XMLReader $reader): SimpleXMLElement {
    $document = new DOMDocument();
    $node = $document->importNode($reader->expand(), true);
    $document->appendChild($node);
    return simplexml_import_dom($node);
}

/** A WXR field in the wp: namespace, as text. */
function wp_field(SimpleXMLElement $element, string $name): string {
    return (string) $element->children(WXR_WP)->{$name};
}

// The importer runs as an administrator (who may post unfiltered HTML).
$admin = get_user_by('login', 'siteadmin');
wp_set_current_user($admin->ID);
wp_suspend_cache_invalidation(true);
wp_defer_term_counting(true);
wp_defer_comment_counting(true);

$users = [];          // login => new user id
$terms = [];          // "taxonomy:slug" => new term id
$posts = [];          // old post id => new post id
$attachments = [];    // old attachment id => new attachment id
$thumbnails = [];     // new post id => old attachment id
$counts = ['users' => 0, 'terms' => 0, 'posts' => 0, 'attachments' => 0, 'postmeta' => 0, 'thumbnails' => 0, 'sideload_seconds' => 0.0];

function add_term(string $taxonomy, string $slug, string $name, string $parent_slug, string $description): void {
    global $terms, $counts;
    $key = "$taxonomy:$slug";
    if (isset($terms[$key])) return;
    $existing = term_exists($slug, $taxonomy);
    if ($existing) {
        $terms[$key] = (int) $existing['term_id'];
        return;
    }
    $parent = ($parent_slug !== '' && isset($terms["$taxonomy:$parent_slug"])) ? $terms["$taxonomy:$parent_slug"] : 0;
    $made = required(wp_insert_term(wp_slash($name), $taxonomy, wp_slash(['slug' => $slug, 'description' => $description, 'parent' => $parent])), "term $key");
    $terms[$key] = (int) $made['term_id'];
    $counts['terms']++;
}

function add_item(SimpleXMLElement $item, string $uploads): void {
    global $users, $terms, $posts, $attachments, $thumbnails, $counts, $admin;
    $wp = $item->children(WXR_WP);
    $type = (string) $wp->post_type;
    $old_id = (int) $wp->post_id;
    $login = (string) $item->children(WXR_DC)->creator;
    $data = [
        'import_id'      => $old_id,
        'post_author'    => $users[$login] ?? $admin->ID,
        'post_date'      => (string) $wp->post_date,
        'post_date_gmt'  => (string) $wp->post_date_gmt,
        'post_content'   => (string) $item->children(WXR_CONTENT)->encoded,
        'post_excerpt'   => (string) $item->children(WXR_EXCERPT)->encoded,
        'post_title'     => (string) $item->title,
        'post_status'    => (string) $wp->status,
        'post_name'      => (string) $wp->post_name,
        'comment_status' => (string) $wp->comment_status,
        'ping_status'    => (string) $wp->ping_status,
        'guid'           => (string) $item->guid,
        'post_parent'    => $posts[(int) $wp->post_parent] ?? 0,
        'menu_order'     => (int) $wp->menu_order,
        'post_type'      => $type,
        'post_password'  => (string) $wp->post_password,
    ];
    $meta = [];
    foreach ($wp->postmeta as $entry) {
        $meta[] = [(string) $entry->meta_key, (string) $entry->meta_value];
    }

    if ($type === 'attachment') {
        $relative = '';
        foreach ($meta as [$key, $value]) {
            if ($key === '_wp_attached_file') $relative = $value;
        }
        $source = rtrim($uploads, '/') . '/' . $relative;
        if ($relative === '' || !is_file($source)) {
            fwrite(STDERR, "failed: attachment $old_id: no file at $source\n");
            exit(1);
        }
        $temporary = wp_tempnam(basename($relative));
        required(copy($source, $temporary), "copying $source");
        unset($data['post_parent'], $data['post_type'], $data['post_status'], $data['guid']);
        $sideload_started = microtime(true);
        $new_id = required(media_handle_sideload(['name' => basename($relative), 'tmp_name' => $temporary], $posts[(int) $wp->post_parent] ?? 0, null, $data), "attachment $old_id");
        $attachments[$old_id] = $new_id;
        $counts['attachments']++;
        $counts['sideload_seconds'] += microtime(true) - $sideload_started;
        foreach ($meta as [$key, $value]) {
            if ($key === '_wp_attached_file' || $key === '_wp_attachment_metadata') continue;
            add_post_meta($new_id, wp_slash($key), wp_slash(maybe_unserialize($value)));
            $counts['postmeta']++;
        }
        return;
    }

    $new_id = required(wp_insert_post(wp_slash($data), true), "$type $old_id");
    $posts[$old_id] = $new_id;
    $counts['posts']++;
    $by_taxonomy = [];
    foreach ($item->category as $category) {
        $domain = (string) $category['domain'];
        $slug = (string) $category['nicename'];
        if ($domain === '' || $slug === '') continue;
        if (!isset($terms["$domain:$slug"])) add_term($domain, $slug, (string) $category, '', '');
        $by_taxonomy[$domain][] = $terms["$domain:$slug"];
    }
    foreach ($by_taxonomy as $taxonomy => $ids) {
        required(!is_wp_error(wp_set_object_terms($new_id, $ids, $taxonomy)), "terms of $type $old_id");
    }
    foreach ($meta as [$key, $value]) {
        add_post_meta($new_id, wp_slash($key), wp_slash(maybe_unserialize($value)));
        $counts['postmeta']++;
        if ($key === '_thumbnail_id') $thumbnails[$new_id] = (int) $value;
    }
}

$reader = new XMLReader();
required($reader->open($export, null, LIBXML_NOCDATA | LIBXML_NONET | LIBXML_COMPACT | LIBXML_PARSEHUGE), "opening $export");
$items = 0;
$last_report = $started;
$more = $reader->read();
while ($more) {
    if ($reader->nodeType !== XMLReader::ELEMENT || $reader->depth !== 2) {
        $more = $reader->read();
        continue;
    }
    switch ($reader->name) {
        case 'wp:author':
            $author = current_element($reader)->children(WXR_WP);
            $login = (string) $author->author_login;
            $existing = username_exists($login);
            $users[$login] = $existing ?: required(wp_insert_user(wp_slash([
                'user_login'   => $login,
                'user_email'   => (string) $author->author_email,
                'display_name' => (string) $author->author_display_name,
                'first_name'   => (string) $author->author_first_name,
                'last_name'    => (string) $author->author_last_name,
                'user_pass'    => wp_generate_password(),
            ])), "author $login");
            if (!$existing) $counts['users']++;
            break;
        case 'wp:category':
            $category = current_element($reader)->children(WXR_WP);
            add_term('category', (string) $category->category_nicename, (string) $category->cat_name, (string) $category->category_parent, (string) $category->category_description);
            break;
        case 'wp:tag':
            $tag = current_element($reader)->children(WXR_WP);
            add_term('post_tag', (string) $tag->tag_slug, (string) $tag->tag_name, '', (string) $tag->tag_description);
            break;
        case 'wp:term':
            $term = current_element($reader)->children(WXR_WP);
            add_term((string) $term->term_taxonomy, (string) $term->term_slug, (string) $term->term_name, (string) $term->term_parent, (string) $term->term_description);
            break;
        case 'item':
            add_item(current_element($reader), $uploads);
            $items++;
            // WordPress's in-memory object cache only grows during one request; keep it bounded.
            if ($items % 500 === 0) wp_cache_flush();
            if ($counts['posts'] > 0 && $counts['posts'] % 500 === 0 && microtime(true) - $last_report > 0.5) {
                $elapsed = microtime(true) - $started;
                fprintf(STDERR, "  WordPress: %d posts, %d attachments, %.0f s, %.1f posts/s\n", $counts['posts'], $counts['attachments'], $elapsed, $counts['posts'] / $elapsed);
                $last_report = microtime(true);
            }
            break;
        default:
            $more = $reader->read();
            continue 2;
    }
    $more = $reader->next();   // past the element just handled, without walking its children
}
$reader->close();

foreach ($thumbnails as $post_id => $old_attachment) {
    if (!isset($attachments[$old_attachment])) continue;
    // set_post_thumbnail() says false when the meta already held that id (import_id kept the old ids), so check the meta.
    set_post_thumbnail($post_id, $attachments[$old_attachment]);
    if ((int) get_post_meta($post_id, '_thumbnail_id', true) === $attachments[$old_attachment]) $counts['thumbnails']++;
}

wp_suspend_cache_invalidation(false);
wp_defer_term_counting(false);   // the deferred term counts are brought up to date here, as the importer does
wp_defer_comment_counting(false);

$counts['seconds'] = microtime(true) - $started;
$counts['peak_memory_mb'] = memory_get_peak_usage(true) / 1048576;
$counts['wordpress'] = $GLOBALS['wp_version'];
echo json_encode($counts), "\n";
