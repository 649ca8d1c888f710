#include "cli/cli.hpp"

int main(int argc, char** argv) { return nastavnik::cli::run(argc, argv); }
