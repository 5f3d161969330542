using PublicServices.Platform.Storage;

namespace PublicServices.Platform.Tests.Storage;

public sealed class UploadInspectorTests
{
    [Fact]
    public void Should_read_png_dimensions_from_the_header()
    {
        var result = UploadInspector.Inspect(TestImages.Png(400, 600));

        Assert.Equal(new UploadInspection(UploadKind.Png, 400, 600), result);
    }

    [Fact]
    public void Should_read_jpeg_dimensions_from_the_frame_header_skipping_other_segments()
    {
        var result = UploadInspector.Inspect(TestImages.JpegHeader(1200, 1600));

        Assert.Equal(new UploadInspection(UploadKind.Jpeg, 1200, 1600), result);
    }

    [Fact]
    public void Should_recognise_pdf_by_its_signature()
    {
        Assert.Equal(UploadKind.Pdf, UploadInspector.Inspect("%PDF-1.7\n%âãÏÓ"u8).Kind);
    }

    [Theory]
    [InlineData("MZ\u0090\u0000 an executable renamed photo.jpg")]
    [InlineData("<html><script>alert(1)</script>")]
    [InlineData("")]
    public void Should_not_recognise_other_content(string text)
    {
        Assert.Equal(UploadKind.Unknown, UploadInspector.Inspect(System.Text.Encoding.Latin1.GetBytes(text)).Kind);
    }

    [Fact]
    public void Should_not_invent_a_size_for_a_truncated_jpeg()
    {
        var truncated = TestImages.JpegHeader(1200, 1600)[..24];

        Assert.Equal(new UploadInspection(UploadKind.Jpeg, null, null), UploadInspector.Inspect(truncated));
    }
}
