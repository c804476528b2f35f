# Writes OUTPUT: a C++ file holding every file in KERNEL_DIR as a raw string literal, so the program
# needs no kernel files at run time. Run at build time (cmake -P) so edits to kernels rebuild.
file(GLOB kernels RELATIVE ${KERNEL_DIR} ${KERNEL_DIR}/*.h ${KERNEL_DIR}/*.cl ${KERNEL_DIR}/pixel/*.h)
list(SORT kernels)
set(entries "")
foreach(name ${kernels})
  file(READ ${KERNEL_DIR}/${name} text)
  string(APPEND entries "      {\"${name}\", R\"lqskernel(${text})lqskernel\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "#include <map>\n#include <string_view>\nnamespace lqs::gpu {\nconst std::map<std::string_view, std::string_view>& embeddedKernels() {\n  static const std::map<std::string_view, std::string_view> kernels{\n${entries}  };\n  return kernels;\n}\n}  // namespace lqs::gpu\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
