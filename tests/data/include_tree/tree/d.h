/* d, included by its internal header. */
