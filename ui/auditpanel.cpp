#include "auditpanel.h"

#include "store/database.h"
#include "tablesetup.h"

#include <QAtomicInt>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace Umbra {

namespace {

enum Column {
    TimeColumn,
    ActorColumn,
    ActionColumn,
    KindColumn,
    SubjectColumn,
    PlanColumn,
    DetailColumn,
    ColumnCount
};

QString connectionName()
{
    static QAtomicInt sequence;
    return QStringLiteral("umbra-audit-%1").arg(sequence.fetchAndAddRelaxed(1));
}

// Runs `work` on a thread of its own with a read-only connection, and
// `done` with its result on the panel's thread, if the panel still exists.
template<typename T, typename Work, typename Done>
void offThread(QObject *owner, const QString &path, Work work, Done done)
{
    QPointer<QObject> guard(owner);
    QThread *worker = QThread::create([guard, path, work, done] {
        Result<T> result = Error{ QString() };
        {
            auto db = Database::open(path, connectionName(), Database::Mode::ReadOnly);
            result = db ? work(db.value()->sql()) : Result<T>(Error{ db.error() });
        }
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, result, done] {
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

} // namespace

AuditPanel::AuditPanel(QString databasePath, QWidget *parent)
    : QWidget(parent)
    , m_path(std::move(databasePath))
{
    m_subject = new QLineEdit(this);
    m_subject->setPlaceholderText(tr("VM or host"));
    m_subject->setClearButtonEnabled(true);
    m_action = new QComboBox(this);
    m_action->addItem(tr("All actions"), QString());
    for (const char *kind : { "migrate", "shadow.create", "shadow.failover", "shadow.remove",
                              "shadow.validate", "traffic.shift" })
        m_action->addItem(QLatin1String(kind), QLatin1String(kind));
    m_span = new QComboBox(this);
    m_span->addItem(tr("Last hour"), qint64(3600) * 1000);
    m_span->addItem(tr("Last day"), qint64(24) * 3600 * 1000);
    m_span->addItem(tr("Last week"), qint64(7) * 24 * 3600 * 1000);
    m_span->addItem(tr("Everything"), qint64(0));
    m_span->setCurrentIndex(2);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Write what is shown to a CSV or JSON file, hashes included"));
    auto *verifyButton = new QPushButton(tr("Verify chain"), this);
    verifyButton->setToolTip(tr("Check that no entry was changed, removed or inserted"));
    m_verdict = new QLabel(this);
    // Beside the filters, so the view needs no more height than its
    // neighbours in the dock; the whole text is its tooltip.
    m_verdict->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({ tr("Time"), tr("Who"), tr("Did"), tr("Action"),
                                         tr("VM or host"), tr("Plan"), tr("What") });
    TableSetup::apply(m_table);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->sortByColumn(TimeColumn, Qt::DescendingOrder);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_subject, 1);
    filters->addWidget(m_verdict, 2);
    filters->addWidget(m_action);
    filters->addWidget(m_span);
    filters->addWidget(exportButton);
    filters->addWidget(verifyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_subject, &QLineEdit::editingFinished, this, &AuditPanel::reload);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPanel::reload);
    connect(m_span, &QComboBox::currentIndexChanged, this, &AuditPanel::reload);
    connect(exportButton, &QPushButton::clicked, this, &AuditPanel::exportAs);
    connect(verifyButton, &QPushButton::clicked, this, &AuditPanel::verify);
    // New entries arrive from this console and from others on the file.
    m_refresh = new QTimer(this);
    m_refresh->setInterval(10000);
    connect(m_refresh, &QTimer::timeout, this, &AuditPanel::reload);
}

void AuditPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
    m_refresh->start();
}

void AuditPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refresh->stop();
}

void AuditPanel::say(const QString &text)
{
    m_verdict->setText(text);
    m_verdict->setToolTip(text);
}

QString AuditPanel::verdict() const
{
    return m_verdict->text();
}

void AuditPanel::setSubjectFilter(const QString &subject)
{
    m_subject->setText(subject);
    reload();
}

void AuditPanel::reload()
{
    if (m_path.isEmpty())
        return;
    // A filter changed while a read runs is read again after it: the table
    // must end up showing what the filters say.
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    m_reloadAgain = false;
    Jobs::AuditTrail::Filter filter;
    filter.subject = m_subject->text().trimmed();
    filter.kind = m_action->currentData().toString();
    const qint64 span = m_span->currentData().toLongLong();
    filter.fromMs = span > 0 ? QDateTime::currentMSecsSinceEpoch() - span : 0;
    offThread<QList<Jobs::AuditRecord>>(
        this, m_path, [filter](QSqlDatabase &db) { return Jobs::AuditTrail::read(db, filter); },
        [this](const Result<QList<Jobs::AuditRecord>> &read) {
            m_loading = false;
            if (m_reloadAgain) {
                reload();
                return;
            }
            fill(read ? read.value() : QList<Jobs::AuditRecord>{}, read ? QString() : read.error());
            Q_EMIT reloaded();
        });
}

void AuditPanel::fill(const QList<Jobs::AuditRecord> &records, const QString &error)
{
    m_records = records;
    // Filled unsorted: a sorted table would move each row as its first cell lands.
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(records.size()));
    // Newest first, as an operator reads a log.
    for (int row = 0; row < records.size(); ++row) {
        const Jobs::AuditRecord &r = records[records.size() - 1 - row];
        const QStringList cells{
            QDateTime::fromMSecsSinceEpoch(r.timestampMs)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
            r.actor,
            r.action,
            r.kind,
            r.subject,
            r.planId > 0 ? QString::number(r.planId) : QString(),
            r.detail,
        };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(
                column == DetailColumn
                    ? tr("%1\n\nEntry %2, hash %3").arg(r.detail).arg(r.seq).arg(r.hash)
                    : cells[column]);
            m_table->setItem(row, column, item);
        }
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    if (!error.isEmpty())
        say(tr("The audit trail could not be read: %1").arg(error));
}

void AuditPanel::verify()
{
    say(tr("Checking the chain…"));
    offThread<Jobs::AuditVerification>(
        this, m_path, [](QSqlDatabase &db) { return Jobs::AuditTrail::verify(db); },
        [this](const Result<Jobs::AuditVerification> &checked) {
            say(!checked ? tr("The chain could not be checked: %1").arg(checked.error())
                    : checked->intact()
                    ? tr("The chain is whole: %n entries, none changed, removed or "
                         "inserted.",
                         nullptr, int(checked->records))
                    : tr("The chain is broken at entry %1: %2")
                          .arg(checked->brokenAt)
                          .arg(checked->problem));
            Q_EMIT verified();
        });
}

Result<void> AuditPanel::exportTo(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{ tr("%1 cannot be written: %2").arg(path, file.errorString()) };
    const QByteArray data = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
        ? Jobs::AuditTrail::toJson(m_records)
        : Jobs::AuditTrail::toCsv(m_records);
    if (file.write(data) != data.size() || !file.flush())
        return Error{ tr("%1 could not be written: %2").arg(path, file.errorString()) };
    return {};
}

void AuditPanel::exportAs()
{
    auto *dialog = new QFileDialog(this, tr("Export the audit trail"), QString(),
                                   tr("CSV (*.csv);;JSON (*.json)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectFile(QStringLiteral("umbra-audit.csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const Result<void> written = exportTo(path);
        say(written ? tr("Exported %n entries to %1.", nullptr, int(m_records.size())).arg(path)
                    : written.error());
    });
    dialog->open();
}

} // namespace Umbra
