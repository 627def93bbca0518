/* cairo and pango (through pangocairo, which brings both), opened when the first chart or report
 * is drawn (core/lazylib.h). Included after their headers; every function the charts, the report
 * and the debrief page call is named here. */
#ifndef RJK_CHART_CAIRO_LAZY_H
#define RJK_CHART_CAIRO_LAZY_H

#include "core/lazylib.h"

extern struct lazylib lazy_pangocairo;

#define cairo_create(...) LAZYLIB_CALL(lazy_pangocairo, cairo_create)(__VA_ARGS__)
#define cairo_destroy(...) LAZYLIB_CALL(lazy_pangocairo, cairo_destroy)(__VA_ARGS__)
#define cairo_fill(...) LAZYLIB_CALL(lazy_pangocairo, cairo_fill)(__VA_ARGS__)
#define cairo_fill_preserve(...) LAZYLIB_CALL(lazy_pangocairo, cairo_fill_preserve)(__VA_ARGS__)
#define cairo_image_surface_create(...) LAZYLIB_CALL(lazy_pangocairo, cairo_image_surface_create)(__VA_ARGS__)
#define cairo_image_surface_get_data(...) LAZYLIB_CALL(lazy_pangocairo, cairo_image_surface_get_data)(__VA_ARGS__)
#define cairo_image_surface_get_height(...) LAZYLIB_CALL(lazy_pangocairo, cairo_image_surface_get_height)(__VA_ARGS__)
#define cairo_image_surface_get_stride(...) LAZYLIB_CALL(lazy_pangocairo, cairo_image_surface_get_stride)(__VA_ARGS__)
#define cairo_image_surface_get_width(...) LAZYLIB_CALL(lazy_pangocairo, cairo_image_surface_get_width)(__VA_ARGS__)
#define cairo_line_to(...) LAZYLIB_CALL(lazy_pangocairo, cairo_line_to)(__VA_ARGS__)
#define cairo_move_to(...) LAZYLIB_CALL(lazy_pangocairo, cairo_move_to)(__VA_ARGS__)
#define cairo_paint(...) LAZYLIB_CALL(lazy_pangocairo, cairo_paint)(__VA_ARGS__)
#define cairo_pdf_surface_create_for_stream(...) LAZYLIB_CALL(lazy_pangocairo, cairo_pdf_surface_create_for_stream)(__VA_ARGS__)
#define cairo_pdf_surface_set_metadata(...) LAZYLIB_CALL(lazy_pangocairo, cairo_pdf_surface_set_metadata)(__VA_ARGS__)
#define cairo_rectangle(...) LAZYLIB_CALL(lazy_pangocairo, cairo_rectangle)(__VA_ARGS__)
#define cairo_set_dash(...) LAZYLIB_CALL(lazy_pangocairo, cairo_set_dash)(__VA_ARGS__)
#define cairo_set_line_width(...) LAZYLIB_CALL(lazy_pangocairo, cairo_set_line_width)(__VA_ARGS__)
#define cairo_set_source_rgb(...) LAZYLIB_CALL(lazy_pangocairo, cairo_set_source_rgb)(__VA_ARGS__)
#define cairo_show_page(...) LAZYLIB_CALL(lazy_pangocairo, cairo_show_page)(__VA_ARGS__)
#define cairo_status(...) LAZYLIB_CALL(lazy_pangocairo, cairo_status)(__VA_ARGS__)
#define cairo_status_to_string(...) LAZYLIB_CALL(lazy_pangocairo, cairo_status_to_string)(__VA_ARGS__)
#define cairo_stroke(...) LAZYLIB_CALL(lazy_pangocairo, cairo_stroke)(__VA_ARGS__)
#define cairo_surface_destroy(...) LAZYLIB_CALL(lazy_pangocairo, cairo_surface_destroy)(__VA_ARGS__)
#define cairo_surface_finish(...) LAZYLIB_CALL(lazy_pangocairo, cairo_surface_finish)(__VA_ARGS__)
#define cairo_surface_flush(...) LAZYLIB_CALL(lazy_pangocairo, cairo_surface_flush)(__VA_ARGS__)
#define cairo_surface_status(...) LAZYLIB_CALL(lazy_pangocairo, cairo_surface_status)(__VA_ARGS__)
#define g_object_unref(...) LAZYLIB_CALL(lazy_pangocairo, g_object_unref)(__VA_ARGS__)
#define pango_cairo_create_layout(...) LAZYLIB_CALL(lazy_pangocairo, pango_cairo_create_layout)(__VA_ARGS__)
#define pango_cairo_font_map_set_default(...) LAZYLIB_CALL(lazy_pangocairo, pango_cairo_font_map_set_default)(__VA_ARGS__)
#define pango_cairo_show_layout(...) LAZYLIB_CALL(lazy_pangocairo, pango_cairo_show_layout)(__VA_ARGS__)
#define pango_font_description_free(...) LAZYLIB_CALL(lazy_pangocairo, pango_font_description_free)(__VA_ARGS__)
#define pango_font_description_new(...) LAZYLIB_CALL(lazy_pangocairo, pango_font_description_new)(__VA_ARGS__)
#define pango_font_description_set_absolute_size(...) LAZYLIB_CALL(lazy_pangocairo, pango_font_description_set_absolute_size)(__VA_ARGS__)
#define pango_font_description_set_family(...) LAZYLIB_CALL(lazy_pangocairo, pango_font_description_set_family)(__VA_ARGS__)
#define pango_font_description_set_weight(...) LAZYLIB_CALL(lazy_pangocairo, pango_font_description_set_weight)(__VA_ARGS__)
#define pango_layout_get_pixel_size(...) LAZYLIB_CALL(lazy_pangocairo, pango_layout_get_pixel_size)(__VA_ARGS__)
#define pango_layout_set_ellipsize(...) LAZYLIB_CALL(lazy_pangocairo, pango_layout_set_ellipsize)(__VA_ARGS__)
#define pango_layout_set_font_description(...) LAZYLIB_CALL(lazy_pangocairo, pango_layout_set_font_description)(__VA_ARGS__)
#define pango_layout_set_height(...) LAZYLIB_CALL(lazy_pangocairo, pango_layout_set_height)(__VA_ARGS__)
#define pango_layout_set_text(...) LAZYLIB_CALL(lazy_pangocairo, pango_layout_set_text)(__VA_ARGS__)
#define pango_layout_set_width(...) LAZYLIB_CALL(lazy_pangocairo, pango_layout_set_width)(__VA_ARGS__)
#define pango_layout_set_wrap(...) LAZYLIB_CALL(lazy_pangocairo, pango_layout_set_wrap)(__VA_ARGS__)

#endif
