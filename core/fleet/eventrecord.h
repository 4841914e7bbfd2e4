#pragma once

#include <QMetaType>
#include <QString>

namespace Umbra {

// One line of the event log: connections, state changes, errors.
struct EventRecord
{
    enum class Severity { Info = 0, Warning = 1, Error = 2 };

    qint64 timestampMs = 0;
    Severity severity = Severity::Info;
    QString kind; // stable keyword: "host.connected", "vm.state", "store.error", ...
    QString hostUri;
    QString vmUuid;
    QString message; // for the operator, already translated
};

QString severityName(EventRecord::Severity severity);

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::EventRecord)
