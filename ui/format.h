#pragma once

#include <QString>

// Human-readable figures for tables, headers and tooltips. All take NaN (a
// figure the host did not report) and render it as an en dash.
namespace Umbra::Format {

QString bytes(double bytes);
QString kib(double kib);
QString bytesPerSecond(double bytesPerSecond);
QString percent(double percent);
QString megahertz(int mhz);
QString libvirtVersion(quint64 version);
QString timestamp(qint64 msSinceEpoch);
QString missing();

} // namespace Umbra::Format
