using Nara.Kernel.Events;

namespace Nara.Eligibility.Contracts;

/// <summary>
/// An official evaluated a reform (one parameter given a new dated value) over the current population. Nothing
/// was stored but this event; Audit records who asked what, and the totals they saw.
/// </summary>
public sealed record WhatIfEvaluated(string OfficialAccountId, string? Agency, string Parameter, DateOnly Since, decimal Value, string Month,
    int NewlyEligible, int NoLongerEligible, long MonthlyAmountBefore, long MonthlyAmountAfter) : IIntegrationEvent;
