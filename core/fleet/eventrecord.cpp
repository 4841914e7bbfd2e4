#include "fleet/eventrecord.h"

#include <QCoreApplication>

namespace Umbra {

QString severityName(EventRecord::Severity severity)
{
    switch (severity) {
    case EventRecord::Severity::Warning:
        return QCoreApplication::translate("Umbra::EventRecord", "warning");
    case EventRecord::Severity::Error:
        return QCoreApplication::translate("Umbra::EventRecord", "error");
    case EventRecord::Severity::Info:
        break;
    }
    return QCoreApplication::translate("Umbra::EventRecord", "info");
}

} // namespace Umbra
