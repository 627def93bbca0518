# The store benchmarks share their scenario and scratch stores (bench/scratch_store.c).
foreach(bench bench_store bench_export)
  target_sources(${bench} PRIVATE ${CMAKE_CURRENT_LIST_DIR}/scratch_store.c)
endforeach()
