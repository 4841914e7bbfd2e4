#include "shiftdialog.h"

#include "traffic/trafficservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Umbra {

namespace {

QString percentList(const QList<double> &steps)
{
    QStringList parts;
    for (double s : steps)
        parts.append(QString::number(s));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ShiftDialog::ShiftDialog(Traffic::TrafficService *traffic, const QString &balancer,
                         const QString &backend, const QStringList &servers, const QString &from,
                         QWidget *parent)
    : QDialog(parent)
    , m_traffic(traffic)
    , m_balancer(balancer)
    , m_backend(backend)
{
    setWindowTitle(tr("Shift traffic in %1/%2").arg(balancer, backend));
    const Traffic::ShiftRequest defaults;

    auto *intro = new QLabel(tr("Move requests from one server of backend <b>%1</b> to another "
                                "in steps. Each step is held while the receiving server is "
                                "watched; a step that fails its gate goes back to the last "
                                "split that held, and Cancel goes back to the weights found.")
                                 .arg(backend.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);

    m_from = new QComboBox(this);
    m_to = new QComboBox(this);
    m_from->addItems(servers);
    m_to->addItems(servers);
    m_from->setCurrentText(from);
    for (const QString &s : servers) {
        if (s != from) {
            m_to->setCurrentText(s);
            break;
        }
    }
    m_percent = new QDoubleSpinBox(this);
    m_percent->setRange(1, 100);
    m_percent->setDecimals(0);
    m_percent->setSuffix(tr(" %"));
    m_percent->setValue(defaults.percent);
    m_steps = new QLineEdit(percentList(defaults.steps), this);
    m_steps->setToolTip(tr("Percentages of the goal's way, in order; those at or above the "
                           "goal are left out and the goal is the last step."));
    m_hold = new QDoubleSpinBox(this);
    m_hold->setRange(0.2, 3600);
    m_hold->setDecimals(1);
    m_hold->setSuffix(tr(" s"));
    m_hold->setValue(defaults.holdMs / 1000.0);

    m_maxErrors = new QDoubleSpinBox(this);
    m_maxErrors->setRange(0, 100);
    m_maxErrors->setDecimals(1);
    m_maxErrors->setSuffix(tr(" % of responses"));
    m_maxErrors->setValue(100 * defaults.gate.maxErrorRatio);
    m_maxResponse = new QSpinBox(this);
    m_maxResponse->setRange(1, 600000);
    m_maxResponse->setSuffix(tr(" ms"));
    m_maxResponse->setValue(int(defaults.gate.maxResponseMs));

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    form->addRow(tr("Move:"), m_percent);
    form->addRow(tr("Steps (%):"), m_steps);
    form->addRow(tr("Hold each step:"), m_hold);
    auto *gateBox
        = new QGroupBox(tr("Gate: while a step holds, the receiving server stays up"), this);
    auto *gate = new QFormLayout(gateBox);
    gate->addRow(tr("Errors at most:"), m_maxErrors);
    gate->addRow(tr("Response time at most:"), m_maxResponse);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("Check reads the backend and works out each step's weights "
                                 "before anything changes; its findings appear here."));
    m_log->setMinimumHeight(fontMetrics().lineSpacing() * 7);
    m_verdict = new QLabel(this);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_check = buttons->addButton(tr("Check"), QDialogButtonBox::ActionRole);
    m_shift = buttons->addButton(tr("Shift"), QDialogButtonBox::AcceptRole);
    connect(m_check, &QPushButton::clicked, this, &ShiftDialog::check);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(gateBox);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(buttons);

    // A changed request needs a new Check.
    const auto changed = [this] {
        if (m_checking)
            return;
        if (isAwaitingApproval() && m_traffic)
            m_traffic->decide(m_plan.id, false, QStringLiteral("operator"));
        m_plan = {};
        m_verdict->setText(tr("Check plans the shift; Shift then starts it."));
        updateButtons();
    };
    connect(m_from, &QComboBox::currentIndexChanged, this, changed);
    connect(m_to, &QComboBox::currentIndexChanged, this, changed);
    connect(m_percent, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_steps, &QLineEdit::textChanged, this, changed);
    connect(m_hold, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_maxErrors, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_maxResponse, &QSpinBox::valueChanged, this, changed);
    changed();
    resize(600, 560);
}

Traffic::ShiftRequest ShiftDialog::request() const
{
    Traffic::ShiftRequest r;
    r.balancer = m_balancer;
    r.backend = m_backend;
    r.from = m_from->currentText();
    r.to = m_to->currentText();
    r.percent = m_percent->value();
    QList<double> steps;
    const QStringList parts
        = m_steps->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool ok = false;
        const double value = QLocale().toDouble(part, &ok);
        const double plain = ok ? value : part.toDouble(&ok);
        if (ok && plain > 0 && plain <= 100)
            steps.append(plain);
    }
    if (!steps.isEmpty())
        r.steps = steps;
    r.holdMs = int(m_hold->value() * 1000);
    r.gate.maxErrorRatio = m_maxErrors->value() / 100.0;
    r.gate.maxResponseMs = m_maxResponse->value();
    return r;
}

void ShiftDialog::setTo(const QString &server)
{
    m_to->setCurrentText(server);
}

void ShiftDialog::setPercent(double percent)
{
    m_percent->setValue(percent);
}

void ShiftDialog::setHoldMs(int ms)
{
    m_hold->setValue(ms / 1000.0);
}

QString ShiftDialog::logText() const
{
    return m_log->toPlainText();
}

QString ShiftDialog::verdictText() const
{
    return m_verdict->text();
}

void ShiftDialog::check()
{
    if (!m_traffic || m_checking)
        return;
    const Traffic::ShiftRequest wanted = request();
    m_log->clear();
    m_checking = true;
    m_plan = {};
    m_verdict->setText(tr("Reading backend %1…").arg(m_backend));
    updateButtons();
    const qint64 asked = ++m_checks;
    m_traffic->planShift(wanted).then(this, [this, asked](const Jobs::Plan &plan) {
        if (asked == m_checks)
            showPlan(plan);
    });
}

void ShiftDialog::showPlan(const Jobs::Plan &plan)
{
    m_checking = false;
    m_plan = plan;
    m_log->appendPlainText(plan.summary);
    if (!plan.evidence.isEmpty())
        m_log->appendPlainText(tr("Found:"));
    for (const QString &line : plan.evidence)
        m_log->appendPlainText(QStringLiteral("  ") + line);
    if (!plan.steps.isEmpty())
        m_log->appendPlainText(tr("Steps:"));
    for (const QString &line : plan.steps)
        m_log->appendPlainText(QStringLiteral("  ") + line);
    if (!plan.executable()) {
        m_verdict->setText(tr("Refused: %1").arg(plan.refusal));
    } else {
        const double seconds
            = plan.prediction.value(QLatin1String("durationMs")).toDouble() / 1000.0;
        const int steps = int(plan.prediction.value(QLatin1String("steps")).toArray().size());
        m_verdict->setText(
            (steps == 1 ? tr("Ready: 1 step, about %1 s if its gate holds.").arg(seconds, 0, 'f', 1)
                        : tr("Ready: %1 steps, about %2 s if every gate holds.")
                              .arg(steps)
                              .arg(seconds, 0, 'f', 1))
            + u' ' + tr("Shift to go ahead; Cancel on the Traffic page goes back at any step."));
    }
    updateButtons();
}

void ShiftDialog::updateButtons()
{
    m_check->setEnabled(!m_checking && m_from->currentText() != m_to->currentText());
    m_shift->setEnabled(isAwaitingApproval());
    for (QWidget *input : std::initializer_list<QWidget *>{ m_from, m_to, m_percent, m_steps,
                                                            m_hold, m_maxErrors, m_maxResponse })
        input->setEnabled(!m_checking);
}

void ShiftDialog::done(int result)
{
    // Approval is the operator's Shift on the plan shown; closing the dialog
    // instead rejects it, so that it leaves no proposal behind.
    if (m_traffic && isAwaitingApproval()) {
        if (result == QDialog::Accepted)
            m_traffic->execute(m_plan, QStringLiteral("operator"));
        else
            m_traffic->decide(m_plan.id, false, QStringLiteral("operator"));
    }
    m_checks++;
    QDialog::done(result);
}

} // namespace Umbra
