using System.Text;

namespace PublicServices.Platform.Payments.Protocols.VietQr;

/// <summary>CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, xorout 0 (check value of "123456789" = 0x29B1).</summary>
public static class Crc16CcittFalse
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        return crc;
    }

    /// <summary>CRC of the UTF-8 bytes of <paramref name="text"/> as 4 upper-case hex digits, as tag 63 carries it.</summary>
    public static string ComputeHex(string text) => Compute(Encoding.UTF8.GetBytes(text)).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            table[i] = crc;
        }
        return table;
    }
}
