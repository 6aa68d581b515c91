// The fuzz harnesses' engine: in memory (or on disk in `dataDir`), with no
// background upkeep (TTL sweeps, change-log pruning, PITR maintenance), so
// that an input's outcome depends on the input alone.
#pragma once

#include "api/engine.h"

#include <memory>

namespace dd::fuzz {

inline Result<std::unique_ptr<api::Engine>> openQuietEngine(const QString &dataDir = QString())
{
    api::EngineOptions o;
    o.inMemory = dataDir.isEmpty();
    o.dataDir = dataDir;
    o.ttlSweepIntervalMs = 0;
    o.changeLogPruneIntervalMs = 0;
    o.pitrMaintenanceIntervalMs = 0;
    return api::Engine::open(o);
}

} // namespace dd::fuzz
