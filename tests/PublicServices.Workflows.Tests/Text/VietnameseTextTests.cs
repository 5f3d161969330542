using PublicServices.Workflows.Text;

namespace PublicServices.Workflows.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Công nhận văn bằng", "Cong nhan van bang")]
    [InlineData("Đăng ký dự thi tốt nghiệp THPT", "Dang ky du thi tot nghiep THPT")]
    [InlineData("Nguyễn Thị Hồng Nhung – Phúc khảo", "Nguyen Thi Hong Nhung – Phuc khao")]
    [InlineData("ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự", "a a a a a a a a a a e e e e e o o o o o o o o o o u u u u u")]
    public void Should_remove_every_mark_including_double_marks_and_d_bar(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.RemoveDiacritics(text));
    }

    [Theory]
    [InlineData("Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp", "cong nhan van bang", true)]
    [InlineData("Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp", "Văn Bằng  nước ngoài", true)]
    [InlineData("Đăng ký dự thi", "dang ky", true)]
    [InlineData("Đăng ký dự thi", "phuc khao", false)]
    public void Should_match_words_with_or_without_diacritics(string text, string query, bool expected)
    {
        Assert.Equal(expected, VietnameseText.Matches(text, query));
    }
}
