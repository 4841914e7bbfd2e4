#include "hosthardwarepanel.h"

#include "engine/engine.h"
#include "tablesetup.h"
#include "util/displaytext.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Umbra {

namespace {

enum Column {
    DeviceColumn,
    ModelColumn,
    RiskColumn,
    ReallocatedColumn,
    PendingColumn,
    UncorrectableColumn,
    TemperatureColumn,
    ReasonColumn,
    ColumnCount
};

QString percent(double ratio)
{
    return QLocale().toString(100 * ratio, 'f', ratio < 0.1 ? 1 : 0) + QStringLiteral(" %");
}

QString attribute(const Hardware::DriveReadings &drive, int id)
{
    const auto found = drive.smartRaw.find(id);
    return found == drive.smartRaw.end() ? QStringLiteral("–")
                                         : QLocale().toString(found->second, 'f', 0);
}

} // namespace

HostHardwarePanel::HostHardwarePanel(Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    m_summary = new QLabel(this);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summary->setWordWrap(true);
    m_breakdown = new QLabel(this);
    m_breakdown->setWordWrap(true);
    m_readings = new QLabel(this);
    m_readings->setWordWrap(true);
    // Sensor names, models and errors come from the exporter: never markup.
    for (QLabel *label : { m_summary, m_breakdown, m_readings })
        label->setTextFormat(Qt::PlainText);
    m_readings->setForegroundRole(QPalette::PlaceholderText);

    m_drives = new QTableWidget(0, ColumnCount, this);
    m_drives->setHorizontalHeaderLabels({ tr("Drive"), tr("Model"), tr("Risk (30 d)"),
                                          tr("Reallocated"), tr("Pending"), tr("Uncorrectable"),
                                          tr("Temp."), tr("Why") });
    TableSetup::apply(m_drives);
    m_drives->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_drives->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_drives->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_breakdown);
    layout->addWidget(m_drives, 1);
    layout->addWidget(m_readings);

    if (engine)
        connect(engine->prediction(), &PredictionProxy::hardwareAssessed, this,
                [this](const Hardware::HostHardwareReport &report) {
                    if (report.uri == m_uri)
                        show(report);
                });
}

void HostHardwarePanel::setHost(const QString &uri)
{
    m_uri = uri;
    if (m_engine)
        show(m_engine->prediction()->hardware(uri));
}

QString HostHardwarePanel::summaryText() const
{
    return m_summary->text();
}

void HostHardwarePanel::show(const Hardware::HostHardwareReport &report)
{
    if (report.assessedAtMs == 0) {
        m_summary->setText(tr("Failure risk not assessed yet."));
    } else {
        QString text = tr("Failure risk within 30 days: %1").arg(percent(report.risk.risk));
        if (report.risk.moveVms)
            text += tr(" — move its VMs");
        m_summary->setText(text);
    }
    QStringList lines;
    for (const Hardware::HostRiskFactor &factor : report.risk.breakdown)
        lines.append(tr("%1 (%2 of the risk)").arg(factor.sentence, percent(factor.share)));
    m_breakdown->setText(lines.join(QLatin1Char('\n')));
    m_breakdown->setVisible(!lines.isEmpty());

    m_drives->setRowCount(int(report.drives.size()));
    for (int row = 0; row < report.drives.size(); ++row) {
        const Hardware::DriveAssessment &d = report.drives[row];
        const QString reason
            = d.risk.factors.isEmpty() ? tr("nothing unusual") : d.risk.factors.first().sentence;
        const QString temperature = d.drive.temperatureCelsius
            ? tr("%1 °C").arg(QLocale().toString(*d.drive.temperatureCelsius, 'f', 0))
            : QStringLiteral("–");
        const QStringList cells = { d.drive.device,
                                    d.drive.model,
                                    percent(d.risk.risk),
                                    attribute(d.drive, 5),
                                    attribute(d.drive, 197),
                                    attribute(d.drive, 198),
                                    temperature,
                                    reason };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column >= RiskColumn && column <= TemperatureColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_drives->setItem(row, column, item);
        }
    }
    m_drives->setVisible(!report.drives.isEmpty());

    QStringList facts;
    if (report.simulated && report.exporterUrl.isEmpty())
        facts.append(
            tr("Readings simulated for the demo at %1; no real hardware is read.")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(report.readAtMs).time(),
                                        QLocale::ShortFormat)));
    else if (report.exporterUrl.isEmpty())
        facts.append(tr("No hardware exporter set for this host (Hosts dialog); the risk "
                        "rests on libvirt's signals only."));
    else if (!report.readError.isEmpty())
        facts.append(tr("Reading %1 failed: %2")
                         .arg(report.exporterUrl, DisplayText::quote(report.readError, 300)));
    else if (report.readAtMs > 0)
        facts.append(
            tr("Read from %1 at %2")
                .arg(report.exporterUrl,
                     QLocale().toString(QDateTime::fromMSecsSinceEpoch(report.readAtMs).time(),
                                        QLocale::ShortFormat)));
    const Hardware::HardwareReadings &r = report.readings;
    if (r.edacCorrected || r.edacUncorrected)
        facts.append(tr("EDAC memory errors: %1 corrected, %2 uncorrected")
                         .arg(QLocale().toString(r.edacCorrected.value_or(0), 'f', 0),
                              QLocale().toString(r.edacUncorrected.value_or(0), 'f', 0)));
    QStringList temperatures;
    for (const Hardware::Temperature &t : r.temperatures)
        temperatures.append(
            tr("%1 %2 °C")
                .arg(DisplayText::quote(t.sensor, 60), QLocale().toString(t.celsius, 'f', 0)));
    if (!temperatures.isEmpty())
        facts.append(tr("Temperatures: %1").arg(temperatures.join(QStringLiteral(", "))));
    if (!r.implausible.isEmpty())
        facts.append(tr("Left out as readings no hardware can give: %1")
                         .arg(r.implausible.join(QStringLiteral("; "))));
    const Hardware::HostRiskInputs &in = report.inputs;
    facts.append(tr("Last 24 h: %1 VM I/O errors, %2 memory failures, %3 lost connections")
                     .arg(in.ioErrorEvents24h)
                     .arg(in.memoryFailureEvents24h)
                     .arg(in.connectionLosses24h));
    m_readings->setText(facts.join(QLatin1Char('\n')));
}

} // namespace Umbra
