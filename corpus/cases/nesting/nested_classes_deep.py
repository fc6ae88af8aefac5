# jpyc: feature classes nested 12 deep with methods referencing __class__ and outer function cells
def build(tag):
    class L1:
        class L2:
            class L3:
                class L4:
                    class L5:
                        class L6:
                            class L7:
                                class L8:
                                    class L9:
                                        class L10:
                                            class L11:
                                                class L12:
                                                    def who(self):
                                                        return __class__.__qualname__, tag
    return L1.L2.L3.L4.L5.L6.L7.L8.L9.L10.L11.L12().who()
