#pragma once

#include <QMetaType>
#include <QString>

namespace Umbra::Jobs {

// How a journalled job ended; Running while it has not. The same five ends for
// every action, so that the console, the audit trail and a policy read them
// alike:
//   Completed      the action took effect and was verified.
//   Cancelled      the operator cancelled; everything is as it was.
//   RolledBack     a later step failed after something changed; it was undone.
//   Failed         a step failed or a check refused; nothing had changed.
//   NeedsAttention the result could not be made consistent; the reason says why.
enum class Outcome { Running, Completed, Cancelled, RolledBack, Failed, NeedsAttention };

// Stable keywords for the journal and JSON; translated labels for people.
QString outcomeKey(Outcome outcome);
Outcome outcomeFromKey(const QString &key);
QString outcomeLabel(Outcome outcome);

} // namespace Umbra::Jobs

Q_DECLARE_METATYPE(Umbra::Jobs::Outcome)
