# ---- contenders (issue 7): other libraries' kernels, registered by the CLI ----
# Each library is optional: found here or skipped with a message (and
# 'actbench list' says "not built: ...").  Not part of the installed
# libactbench.  -DACTBENCH_CONTENDERS=OFF builds none.
option(ACTBENCH_CONTENDERS "Build contenders (SLEEF, oneDNN, XNNPACK, Eigen) found here" ON)
set(_c ${CMAKE_SOURCE_DIR}/contenders)
add_library(actbench_contenders STATIC ${_c}/contenders.c)
target_include_directories(actbench_contenders PUBLIC ${_c})
target_link_libraries(actbench_contenders PUBLIC actbench_static)
set(_avx2 "-mavx2;-mfma")
set(_avx512 "-mavx512f;-mavx512dq;-mavx512bw;-mavx512vl;-mavx2;-mfma")

# The version of a Debian package, for libraries without a version API.
function(_actbench_deb_version pkg out)
  execute_process(COMMAND dpkg-query -W -f=\${Version} ${pkg}
    OUTPUT_VARIABLE v ERROR_QUIET RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT v)
    set(v "unknown")
  endif()
  set(${out} "${v}" PARENT_SCOPE)
endfunction()

if(NOT ACTBENCH_CONTENDERS)
  message(STATUS "contenders: ACTBENCH_CONTENDERS=OFF, none built")
  target_compile_definitions(actbench_contenders PRIVATE ACTBENCH_CONTENDERS_DISABLED
    "ACTBENCH_CONTENDERS_OFF_REASON=\"built with ACTBENCH_CONTENDERS=OFF\"")
else()
  # SLEEF: vector libm; activations composed in C, one file per ISA.
  find_path(SLEEF_INCLUDE_DIR sleef.h)
  find_library(SLEEF_LIBRARY sleef)
  if(SLEEF_INCLUDE_DIR AND SLEEF_LIBRARY)
    file(STRINGS ${SLEEF_INCLUDE_DIR}/sleef.h _v REGEX "define SLEEF_VERSION_(MAJOR|MINOR|PATCHLEVEL) ")
    string(REGEX REPLACE "[^0-9;]" "" _v "${_v}")
    string(REPLACE ";" "." _v "${_v}")
    message(STATUS "contenders: SLEEF ${_v} found: ${SLEEF_LIBRARY}")
    target_sources(actbench_contenders PRIVATE ${_c}/sleef_avx2.c ${_c}/sleef_avx512.c)
    set_source_files_properties(${_c}/sleef_avx2.c PROPERTIES COMPILE_OPTIONS "${_avx2}")
    set_source_files_properties(${_c}/sleef_avx512.c PROPERTIES COMPILE_OPTIONS "${_avx512}")
    target_include_directories(actbench_contenders PRIVATE ${SLEEF_INCLUDE_DIR})
    target_link_libraries(actbench_contenders PRIVATE ${SLEEF_LIBRARY})
    target_compile_definitions(actbench_contenders PRIVATE ACTBENCH_HAVE_SLEEF
      "ACTBENCH_SLEEF_VERSION=\"${_v}\"")
  else()
    message(STATUS "contenders: SLEEF not found (libsleef-dev): skipped")
  endif()

  # oneDNN: eltwise and softmax primitives through its C API.
  find_path(DNNL_INCLUDE_DIR oneapi/dnnl/dnnl.h)
  find_library(DNNL_LIBRARY dnnl)
  if(DNNL_INCLUDE_DIR AND DNNL_LIBRARY)
    file(STRINGS ${DNNL_INCLUDE_DIR}/oneapi/dnnl/dnnl_version.h _v
      REGEX "define DNNL_VERSION_(MAJOR|MINOR|PATCH) ")
    string(REGEX REPLACE "[^0-9;]" "" _v "${_v}")
    string(REPLACE ";" "." _v "${_v}")
    message(STATUS "contenders: oneDNN ${_v} found: ${DNNL_LIBRARY}")
    target_sources(actbench_contenders PRIVATE ${_c}/onednn.c)
    target_include_directories(actbench_contenders PRIVATE ${DNNL_INCLUDE_DIR})
    target_link_libraries(actbench_contenders PRIVATE ${DNNL_LIBRARY} OpenMP::OpenMP_C)
    target_compile_definitions(actbench_contenders PRIVATE ACTBENCH_HAVE_ONEDNN
      "ACTBENCH_ONEDNN_VERSION=\"${_v}\"")
  else()
    message(STATUS "contenders: oneDNN not found (libdnnl-dev): skipped")
  endif()

  # XNNPACK (with pthreadpool, which its header needs).
  find_path(XNNPACK_INCLUDE_DIR xnnpack.h)
  find_path(PTHREADPOOL_INCLUDE_DIR pthreadpool.h)
  find_library(XNNPACK_LIBRARY XNNPACK)
  find_library(PTHREADPOOL_LIBRARY pthreadpool)
  if(XNNPACK_INCLUDE_DIR AND PTHREADPOOL_INCLUDE_DIR AND XNNPACK_LIBRARY AND PTHREADPOOL_LIBRARY)
    _actbench_deb_version(libxnnpack-dev _v)
    message(STATUS "contenders: XNNPACK ${_v} found: ${XNNPACK_LIBRARY}")
    target_sources(actbench_contenders PRIVATE ${_c}/xnnpack.c)
    target_include_directories(actbench_contenders PRIVATE ${XNNPACK_INCLUDE_DIR} ${PTHREADPOOL_INCLUDE_DIR})
    target_link_libraries(actbench_contenders PRIVATE ${XNNPACK_LIBRARY} ${PTHREADPOOL_LIBRARY})
    target_compile_definitions(actbench_contenders PRIVATE ACTBENCH_HAVE_XNNPACK
      "ACTBENCH_XNNPACK_VERSION=\"${_v}\"")
  else()
    message(STATUS "contenders: XNNPACK not found (libxnnpack-dev, libpthreadpool-dev): skipped")
  endif()

  # Eigen: TF's Tensor expressions, one shared library per ISA (hidden
  # symbols: the two builds' Eigen instantiations never mix).
  find_package(Eigen3 3.3 QUIET NO_MODULE)
  if(TARGET Eigen3::Eigen)
    message(STATUS "contenders: Eigen ${Eigen3_VERSION} found")
    foreach(isa avx2 avx512)
      add_library(actbench_eigen_${isa} SHARED ${_c}/eigen.cc)
      string(REPLACE "avx" "" _n ${isa})
      target_compile_definitions(actbench_eigen_${isa} PRIVATE EIGEN_ADAPTER_ISA=${_n})
      # -Wno-(maybe-)uninitialized: GCC 12 false positives inside Eigen's
      # AVX-512 packet code (_mm512_undefined_ps), not in ours.
      target_compile_options(actbench_eigen_${isa} PRIVATE ${_${isa}} -Wno-maybe-uninitialized
        -Wno-uninitialized)
      target_include_directories(actbench_eigen_${isa} PRIVATE ${_c} ${CMAKE_SOURCE_DIR}/include)
      target_link_libraries(actbench_eigen_${isa} PRIVATE Eigen3::Eigen)
      set_target_properties(actbench_eigen_${isa} PROPERTIES CXX_STANDARD 17 CXX_STANDARD_REQUIRED ON
        CXX_EXTENSIONS OFF CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
      target_link_libraries(actbench_contenders PRIVATE actbench_eigen_${isa})
      install(TARGETS actbench_eigen_${isa} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
    endforeach()
    target_compile_definitions(actbench_contenders PRIVATE ACTBENCH_HAVE_EIGEN
      "ACTBENCH_EIGEN_VERSION=\"${Eigen3_VERSION}\"")
  else()
    message(STATUS "contenders: Eigen 3 not found (libeigen3-dev): skipped")
  endif()
endif()

target_link_libraries(actbench_cli PRIVATE actbench_contenders ${CMAKE_DL_LIBS})
