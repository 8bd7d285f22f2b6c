namespace Nara.Registries.Domain;

/// <summary>Recognised monthly household income (소득인정액) as assessed by the social security system (MOHW).</summary>
internal sealed class IncomeAssessment
{
    public long HouseholdId { get; set; }

    public long MonthlyRecognisedIncome { get; set; }

    public DateOnly AssessedOn { get; set; }
}

/// <summary>National Health Insurance eligibility (NHIS); medical aid types count as medical benefit.</summary>
internal sealed class HealthInsurance
{
    public long ResidentId { get; set; }

    public InsuranceStatus Status { get; set; }

    public DateOnly Since { get; set; }
}

/// <summary>Registered disability (장애인 등록, MOHW) with its degree.</summary>
internal sealed class Disability
{
    public long ResidentId { get; set; }

    public DisabilityDegree Degree { get; set; }

    public DateOnly RegisteredOn { get; set; }
}

/// <summary>Registered jobseeker at a public employment centre (구직등록, MOEL).</summary>
internal sealed class JobseekerRegistration
{
    public long ResidentId { get; set; }

    public DateOnly RegisteredOn { get; set; }
}

/// <summary>A reported lease with monthly rent (전월세 신고, MOLIT): the household pays rent.</summary>
internal sealed class Tenancy
{
    public long HouseholdId { get; set; }

    public long MonthlyRent { get; set; }

    public long Deposit { get; set; }

    public DateOnly Since { get; set; }
}

/// <summary>Enrolment of a child in a daycare centre (어린이집, MOHW).</summary>
internal sealed class DaycareEnrolment
{
    public long ResidentId { get; set; }

    public required string FacilityName { get; set; }

    public DateOnly Since { get; set; }
}
