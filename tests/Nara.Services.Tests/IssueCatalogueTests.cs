using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Tests;

/// <summary>The services issue 6 lists, with their names and agencies, are in the catalogue.</summary>
public class IssueCatalogueTests
{
    private static readonly IReadOnlyList<ServiceDefinition> Catalogue = CatalogueLoader.LoadEmbedded();

    public static TheoryData<string, string, string, string> Listed => new()
    {
        { "parental-benefit", "부모급여", "Parental Benefit", "MOHW" },
        { "child-allowance", "아동수당", "Child Allowance", "MOHW" },
        { "first-meeting-voucher", "첫만남이용권", "First Meeting Voucher", "MOHW" },
        { "home-care-allowance", "가정양육수당", "Home Care Allowance", "MOHW" },
        { "birth-registration", "출생신고", "Birth Registration", "SCOURT" },
        { "happy-birth-onestop", "행복출산 원스톱", "Happy Birth One-Stop", "MOIS" },
        { "inheritance-onestop", "안심상속 원스톱", "Safe Inheritance One-Stop", "MOIS" },
        { "childcare-fee-support", "보육료 지원", "Childcare Fee Support", "MOHW" },
        { "basic-pension", "기초연금", "Basic Pension", "MOHW" },
        { "livelihood-benefit", "생계급여", "Livelihood Benefit", "MOHW" },
        { "housing-benefit", "주거급여", "Housing Benefit", "MOLIT" },
        { "disability-pension", "장애인연금", "Disability Pension", "MOHW" },
        { "disability-registration", "장애인 등록", "Disability Registration", "MOHW" },
        { "energy-voucher", "에너지바우처", "Energy Voucher", "MOTIE" },
        { "youth-rent-support", "청년월세 지원", "Youth Monthly Rent Support", "MOLIT" },
        { "employment-support", "국민취업지원제도", "National Employment Support", "MOEL" },
        { "unemployment-benefit", "구직급여", "Unemployment Benefit", "MOEL" },
        { "single-parent-support", "한부모가족 아동양육비", "Single-Parent Child Support", "MOGEF" },
        { "national-scholarship", "국가장학금", "National Scholarship", "MOE" },
        { "education-benefit", "교육급여", "Education Benefit", "MOE" },
        { "earned-income-tax-credit", "근로장려금", "Earned Income Tax Credit", "NTS" },
        { "year-end-tax-settlement", "연말정산 간소화", "Year-end Tax Settlement", "NTS" },
        { "comprehensive-income-tax", "종합소득세 신고", "Comprehensive Income Tax Return", "NTS" },
        { "business-registration", "사업자등록", "Business Registration", "NTS" },
        { "income-certificate", "소득금액증명", "Income Certificate", "NTS" },
        { "health-checkup", "국가건강검진", "National Health Check-up", "NHIS" },
        { "health-insurance-dependent", "건강보험 피부양자 등록", "Health Insurance Dependant Registration", "NHIS" },
        { "health-insurance-certificate", "건강보험 자격득실확인서", "Health Insurance Eligibility Certificate", "NHIS" },
        { "long-term-care", "노인장기요양보험", "Long-term Care Insurance", "NHIS" },
        { "move-in-report", "전입신고", "Move-in Report", "MOIS" },
        { "resident-registration-copy", "주민등록표 등본", "Resident Registration Copy", "MOIS" },
        { "resident-registration-abstract", "주민등록표 초본", "Resident Registration Abstract", "MOIS" },
        { "family-relation-certificate", "가족관계증명서", "Family Relation Certificate", "SCOURT" },
        { "marriage-registration", "혼인신고", "Marriage Registration", "SCOURT" },
        { "passport-issuance", "여권 발급", "Passport Issuance", "MOFA" },
        { "driver-licence-renewal", "운전면허 갱신", "Driver Licence Renewal", "KNPA" },
        { "vehicle-inspection", "자동차 정기검사", "Vehicle Periodic Inspection", "MOLIT" },
        { "vehicle-transfer", "자동차 이전등록", "Vehicle Ownership Transfer", "MOLIT" },
        { "military-service-certificate", "병적증명서", "Military Service Certificate", "MMA" },
        { "small-business-fund", "소상공인 정책자금", "Small Business Policy Fund", "MSS" },
        { "sme-support-programs", "중소기업 지원사업", "SME Support Programmes", "MSS" },
        { "patent-application", "특허출원", "Patent Application", "KIPO" },
        { "trademark-application", "상표출원", "Trademark Application", "KIPO" },
        { "customs-clearance-status", "통관 진행 조회", "Customs Clearance Status", "KCS" },
        { "personal-customs-code", "개인통관고유부호", "Personal Customs Clearance Code", "KCS" },
        { "bid-notices", "입찰공고 조회", "Public Bid Notices", "PPS" },
        { "supplier-registration", "조달업체 등록", "Procurement Supplier Registration", "PPS" },
        { "school-certificate", "졸업증명서", "School Graduation Certificate", "MOE" },
        { "civil-complaint", "국민신문고 민원", "Civil Complaint", "ACRC" },
        { "safety-report", "안전신문고 신고", "Safety Report", "MOIS" },
        { "disaster-alerts", "재난문자 수신 설정", "Disaster Alert Settings", "MOIS" },
        { "disaster-relief", "자연재난 피해 지원", "Natural Disaster Relief", "MOIS" },
        { "land-register", "토지대장", "Land Register Certificate", "MOLIT" },
        { "building-register", "건축물대장", "Building Register Certificate", "MOLIT" },
        { "local-tax-payment", "지방세 납부", "Local Tax Payment", "MOIS" },
        { "pet-registration", "반려동물 등록", "Pet Registration", "MAFRA" },
        { "bulky-waste", "대형폐기물 배출 신고", "Bulky Waste Disposal", "LOCAL" },
        { "resident-parking", "거주자우선주차", "Resident Priority Parking", "LOCAL" },
        { "foreign-resident-registration", "외국인등록", "Foreign Resident Registration", "MOJ" },
        { "multicultural-family-support", "다문화가족 지원", "Multicultural Family Support", "MOGEF" },
        { "information-disclosure", "정보공개청구", "Information Disclosure Request", "MOIS" },
        { "open-data-key", "공공데이터 활용신청", "Open Data API Key", "MOIS" },
    };

    [Theory]
    [MemberData(nameof(Listed))]
    public void Every_service_the_issue_lists_is_in_the_catalogue_with_its_names_and_agency(string slug, string ko, string en, string agency)
    {
        var service = Assert.Single(Catalogue, s => s.Slug == slug);
        Assert.Equal(ko, service.Name.Ko);
        Assert.Equal(en, service.Name.En);
        Assert.Equal(agency, service.Agency);
    }

    [Fact]
    public void Every_service_names_a_known_agency_and_has_every_section_in_both_languages()
    {
        Assert.All(Catalogue, s =>
        {
            Assert.NotNull(Agencies.Find(s.Agency));
            foreach (var text in new[] { s.Name, s.Summary, s.Who, s.WhatYouGet, s.How, s.HowDecided, s.Fees, s.LegalBasis })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.Ko), $"{s.Slug}: a Korean section is empty");
                Assert.False(string.IsNullOrWhiteSpace(text.En), $"{s.Slug}: an English section is empty");
            }

            Assert.NotEmpty(s.Channels);
            Assert.NotEmpty(s.Keywords);
            Assert.All(s.Documents, d => Assert.True(!d.GovernmentFetches || d.Source is not null, $"{s.Slug}: '{d.Name.En}' is fetched but says not from where"));
        });
    }

    [Fact]
    public void Legal_links_point_to_the_national_law_information_center()
    {
        Assert.All(Catalogue.Where(s => s.LegalUrl is not null), s => Assert.Equal("www.law.go.kr", s.LegalUrl!.Host));
    }

    [Fact]
    public void Online_applications_ask_only_for_prefill_sources_the_registries_can_answer()
    {
        string[] known = [PrefillSources.ResidentName, PrefillSources.ResidentBirthDate, PrefillSources.ResidentAddress, PrefillSources.ResidentRegion, PrefillSources.HouseholdSize, PrefillSources.HouseholdMembers];
        var prefills = Catalogue.Where(s => s.Form is not null).SelectMany(s => s.Form!.Steps).SelectMany(st => st.Fields).Select(f => f.Prefill).OfType<string>();
        Assert.All(prefills, p => Assert.Contains(p, known));
    }

    [Fact]
    public void Information_only_services_have_no_form()
    {
        foreach (var slug in new[] { "bid-notices", "customs-clearance-status", "disaster-alerts", "sme-support-programs", "local-tax-payment", "year-end-tax-settlement" })
        {
            Assert.Null(Assert.Single(Catalogue, s => s.Slug == slug).Form);
        }
    }
}
