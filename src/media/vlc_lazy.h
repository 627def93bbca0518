/* libvlc, opened when the first video is about to play or be checked (core/lazylib.h). Included
 * after <vlc/vlc.h>; every libvlc function the media code calls is named here. */
#ifndef RJK_MEDIA_VLC_LAZY_H
#define RJK_MEDIA_VLC_LAZY_H

#include "core/lazylib.h"

extern struct lazylib lazy_vlc;

#define libvlc_audio_set_volume(...) LAZYLIB_CALL(lazy_vlc, libvlc_audio_set_volume)(__VA_ARGS__)
#define libvlc_errmsg(...) LAZYLIB_CALL(lazy_vlc, libvlc_errmsg)(__VA_ARGS__)
#define libvlc_event_attach(...) LAZYLIB_CALL(lazy_vlc, libvlc_event_attach)(__VA_ARGS__)
#define libvlc_event_detach(...) LAZYLIB_CALL(lazy_vlc, libvlc_event_detach)(__VA_ARGS__)
#define libvlc_log_get_context(...) LAZYLIB_CALL(lazy_vlc, libvlc_log_get_context)(__VA_ARGS__)
#define libvlc_log_set(...) LAZYLIB_CALL(lazy_vlc, libvlc_log_set)(__VA_ARGS__)
#define libvlc_media_add_option(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_add_option)(__VA_ARGS__)
#define libvlc_media_event_manager(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_event_manager)(__VA_ARGS__)
#define libvlc_media_get_duration(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_get_duration)(__VA_ARGS__)
#define libvlc_media_get_parsed_status(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_get_parsed_status)(__VA_ARGS__)
#define libvlc_media_new_path(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_new_path)(__VA_ARGS__)
#define libvlc_media_parse_stop(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_parse_stop)(__VA_ARGS__)
#define libvlc_media_parse_with_options(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_parse_with_options)(__VA_ARGS__)
#define libvlc_media_player_event_manager(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_player_event_manager)(__VA_ARGS__)
#define libvlc_media_player_new_from_media(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_player_new_from_media)(__VA_ARGS__)
#define libvlc_media_player_play(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_player_play)(__VA_ARGS__)
#define libvlc_media_player_release(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_player_release)(__VA_ARGS__)
#define libvlc_media_player_set_pause(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_player_set_pause)(__VA_ARGS__)
#define libvlc_media_player_set_time(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_player_set_time)(__VA_ARGS__)
#define libvlc_media_player_stop(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_player_stop)(__VA_ARGS__)
#define libvlc_media_release(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_release)(__VA_ARGS__)
#define libvlc_media_tracks_get(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_tracks_get)(__VA_ARGS__)
#define libvlc_media_tracks_release(...) LAZYLIB_CALL(lazy_vlc, libvlc_media_tracks_release)(__VA_ARGS__)
#define libvlc_new(...) LAZYLIB_CALL(lazy_vlc, libvlc_new)(__VA_ARGS__)
#define libvlc_release(...) LAZYLIB_CALL(lazy_vlc, libvlc_release)(__VA_ARGS__)
#define libvlc_video_set_callbacks(...) LAZYLIB_CALL(lazy_vlc, libvlc_video_set_callbacks)(__VA_ARGS__)
#define libvlc_video_set_format_callbacks(...) LAZYLIB_CALL(lazy_vlc, libvlc_video_set_format_callbacks)(__VA_ARGS__)

#endif
