#pragma once
// `nastavnik deploy`: uploads the output folder to a target, guided by the manifest kept there.
// Order: read the manifest → upload what changed → delete (with --delete) → write the manifest
// last. An interrupted run leaves the old manifest, so a re-run uploads every file whose hash it
// does not know and converges.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "net/deploy_remote.hpp"
#include "net/manifest.hpp"
#include "net/transfer.hpp"

namespace nastavnik::net {

struct DeployProgress {
  std::size_t files_done = 0, files_total = 0;
  std::uint64_t bytes_done = 0, bytes_total = 0;
  std::string current;  ///< the file just handled
};

struct DeployOptions {
  std::filesystem::path out_dir;
  Target target;
  Credentials credentials;
  bool dry_run = false;
  bool remove = false;  ///< --delete
  bool yes = false;     ///< confirms a large deletion
  int max_delete = 50;
  int max_attempts = 4;
  std::chrono::milliseconds backoff{500};
  std::function<void(const DeployProgress&)> progress;
  /// Called for each file uploaded or deleted ("+ path", "- path").
  std::function<void(const std::string&)> log;
};

enum class DeployStatus {
  ok,
  failed,    ///< an upload, a deletion or the login failed (exit 1)
  refused,   ///< a large deletion without --yes (exit 2)
  io_error,  ///< the output cannot be read (exit 2)
};

struct DeployResult {
  DeployStatus status = DeployStatus::ok;
  std::string error;  ///< Russian, never with a password
  DeployPlan plan;
  bool had_manifest = false;
  std::size_t uploaded = 0, deleted = 0;
  std::uint64_t bytes_uploaded = 0;
};

DeployResult deploy(const DeployOptions& options);

}  // namespace nastavnik::net
