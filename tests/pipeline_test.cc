#include <gtest/gtest.h>
#include "pipeline/source.h"
TEST(SourceTest, Sha256OfAbc) {
  EXPECT_EQ(notat::Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
