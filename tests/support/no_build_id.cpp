// A shared library linked without a GNU build ID (CMakeLists.txt: -Wl,--build-id=none), for the
// test of util::module_identity's fallback: a module without one is known by its bytes.
extern "C" int nastavnik_no_build_id_probe() { return 42; }
