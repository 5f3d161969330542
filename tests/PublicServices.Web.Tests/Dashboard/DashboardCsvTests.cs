using System.Net;
using System.Text;

namespace PublicServices.Web.Tests.Dashboard;

public sealed class DashboardCsvTests(DashboardPortal portal) : IClassFixture<DashboardPortal>
{
    [Fact]
    public async Task Should_export_weeks_procedures_and_total_as_UTF8_CSV_with_a_BOM()
    {
        await portal.SeededAsync();
        var hanoi = await portal.OfficialBrowserAsync("so.hanoi@demo.gov.vn");
        var page = await Support.HtmlPage.GetAsync(hanoi, "/dashboard?" + DashboardPortal.Range);
        var link = page.Document.QuerySelector("[data-testid=export]")!.GetAttribute("href")!;

        var response = await hanoi.GetAsync(link);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("/dashboard/export.csv?from=2026-02-02&to=2026-03-01", link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Matches(@"^thong-ke-\d{8}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(
        [
            "Loại,Mã,Tên,Từ ngày,Đến ngày,Đã tiếp nhận,Đang giải quyết,Đã giải quyết,Đúng hạn,Quá hạn,Rút hoặc hủy,Tỷ lệ đúng hạn (%),Thời gian giải quyết trung bình (ngày làm việc)",
            "Tuần,2026-W06,Tuần 06/2026 (02/02/2026 – 08/02/2026),02/02/2026,08/02/2026,1,1,0,0,0,0,,",
            "Tuần,2026-W07,Tuần 07/2026 (09/02/2026 – 15/02/2026),09/02/2026,15/02/2026,2,0,2,1,1,0,50.0,2.50",
            "Tuần,2026-W08,Tuần 08/2026 (16/02/2026 – 22/02/2026),16/02/2026,22/02/2026,0,0,0,0,0,0,,",
            "Tuần,2026-W09,Tuần 09/2026 (23/02/2026 – 01/03/2026),23/02/2026,01/03/2026,0,0,0,0,0,0,,",
            // The title holds a comma: quoted.
            "Thủ tục,diploma-copy,\"Cấp bản sao văn bằng, chứng chỉ từ sổ gốc\",02/02/2026,01/03/2026,3,1,2,1,1,0,50.0,2.50",
            "Tổng cộng,,Tổng cộng,02/02/2026,01/03/2026,3,1,2,1,1,0,50.0,2.50",
        ], lines);
    }

    [Fact]
    public async Task Should_cut_the_first_and_last_week_to_the_range_and_follow_the_language()
    {
        await portal.SeededAsync();
        var admin = await portal.OfficialBrowserAsync("admin@demo.gov.vn");

        var response = await admin.GetAsync("/dashboard/export.csv?culture=en&unit=naric&from=2026-02-04&to=2026-02-10");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("Section,Code,Name,From,To,Received,", lines[0]);
        // D was submitted on 03/02, before the range.
        Assert.Equal("Week,2026-W06,\"Week 06, 2026 (02/02/2026 – 08/02/2026)\",04/02/2026,08/02/2026,0,0,0,0,0,0,,", lines[1]);
        Assert.EndsWith(",09/02/2026,10/02/2026,0,0,0,0,0,0,,", lines[2]);
        Assert.Equal("Total,,Total,04/02/2026,10/02/2026,0,0,0,0,0,0,,", lines[3]);
        Assert.Equal(4, lines.Length);
    }
}
