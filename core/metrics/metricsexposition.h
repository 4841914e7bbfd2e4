#pragma once

#include "metrics/metricssnapshot.h"

#include <QByteArray>

namespace Umbra::Metrics {

// The Prometheus text exposition format, version 0.0.4.
inline constexpr char kExpositionContentType[] = "text/plain; version=0.0.4; charset=utf-8";

// Renders a snapshot as a /metrics page: every family with its HELP and TYPE
// lines, base units (seconds, bytes, ratios of 0..1), labels `host`, `vm` and
// `uuid`. A figure that is not known is left out, never written as zero.
// docs/prometheus.md lists the families and their cardinality.
QByteArray renderExposition(const MetricsSnapshot &snapshot);

} // namespace Umbra::Metrics
