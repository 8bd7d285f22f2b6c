namespace Nara.Audit.Merkle;

/// <summary>
/// Which ranges a proof is made of (RFC 6962 §2.1.1 PATH and §2.1.2 SUBPROOF), leaf side first, so the
/// store can fetch every needed subtree hash in one round trip before any hashing happens.
/// </summary>
internal static class ProofPlan
{
    public static List<(long Start, long End)> Inclusion(long index, long treeSize)
    {
        var result = new List<(long, long)>();
        Path(index, 0, treeSize, result);
        result.Reverse();
        return result;
    }

    public static List<(long Start, long End)> Consistency(long first, long second)
    {
        var result = new List<(long, long)>();
        SubProof(first, 0, second, startsFromOld: true, result);
        result.Reverse();
        return result;
    }

    // Appends root-side elements first (the caller reverses): avoids recursion-built list concatenation.
    private static void Path(long m, long start, long end, List<(long, long)> result)
    {
        while (end - start > 1)
        {
            var k = PerfectRange.SplitPoint(end - start);
            if (m - start < k)
            {
                result.Add((start + k, end));
                end = start + k;
            }
            else
            {
                result.Add((start, start + k));
                start += k;
            }
        }
    }

    private static void SubProof(long m, long start, long end, bool startsFromOld, List<(long, long)> result)
    {
        while (true)
        {
            var n = end - start;
            if (m == n)
            {
                if (!startsFromOld)
                {
                    result.Add((start, end));
                }

                return;
            }

            var k = PerfectRange.SplitPoint(n);
            if (m <= k)
            {
                result.Add((start + k, end));
                end = start + k;
            }
            else
            {
                result.Add((start, start + k));
                m -= k;
                start += k;
                startsFromOld = false;
            }
        }
    }
}
